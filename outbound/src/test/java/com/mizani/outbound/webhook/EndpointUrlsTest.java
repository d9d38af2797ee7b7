package com.mizani.outbound.webhook;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SSRF: which URLs a webhook may point at, with production's settings (no network allowed beyond public ones). */
class EndpointUrlsTest {

    private final EndpointUrls production = new EndpointUrls(settings(List.of()));

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hooks", "http://localhost:8080/hooks", "http://[::1]/hooks",
            "http://10.1.2.3/hooks", "http://172.16.0.1/hooks", "http://192.168.1.10/hooks",
            "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/hooks", "http://0.0.0.0/hooks",
            "http://[fc00::1]/hooks", "http://[fe80::1]/hooks", "http://224.0.0.1/hooks", "http://[::ffff:10.0.0.1]/hooks",
            "http://2130706433/hooks"})
    void privateLoopbackAndLinkLocalAddressesAreRefused(String url) {
        assertThatThrownBy(() -> production.checked(url)).isInstanceOfSatisfying(MizaniException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.WEBHOOK_URL_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://93.184.216.34/hooks", "file:///etc/passwd", "http://user:pw@93.184.216.34/hooks",
            "https://93.184.216.34/hooks#part", "/relative", "not a url", "http:///no-host", ""})
    void whatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
        assertThatThrownBy(() -> production.checked(url)).isInstanceOfSatisfying(MizaniException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.WEBHOOK_URL_NOT_ALLOWED));
    }

    @Test
    void aPublicAddressIsTaken() {
        assertThat(production.checked("https://93.184.216.34/hooks?x=1").toString())
                .isEqualTo("https://93.184.216.34/hooks?x=1");
        assertThat(production.checked("http://[2606:2800:220:1:248:1893:25c8:1946]:8443/hooks").getPort())
                .isEqualTo(8443);
    }

    @Test
    void aConfiguredNetworkIsAllowedAndOnlyThatOne() {
        EndpointUrls local = new EndpointUrls(settings(List.of("127.0.0.0/8", "10.20.0.0/16")));
        assertThat(local.checked("http://127.0.0.1:9000/hooks").getHost()).isEqualTo("127.0.0.1");
        assertThat(local.checked("http://10.20.5.6/hooks").getHost()).isEqualTo("10.20.5.6");
        assertThatThrownBy(() -> local.checked("http://10.21.5.6/hooks")).isInstanceOf(MizaniException.class);
        assertThatThrownBy(() -> local.checked("http://169.254.169.254/")).isInstanceOf(MizaniException.class);
    }

    static WebhookSettings settings(List<String> allowed) {
        return new WebhookSettings(List.of(Duration.ofSeconds(5)), 10, Duration.ofDays(5), allowed, 5000, 15000, 8, 64,
                500, 20, Duration.ofHours(24), 100_000, Duration.ofDays(7));
    }
}
