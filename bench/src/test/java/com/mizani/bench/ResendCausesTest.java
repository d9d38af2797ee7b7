package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What the load's client reports as the cause of each resend (the cluster's retries by cause). */
class ResendCausesTest {

    @Test
    void namesAnAnswerByItsStatusAndItsProblemsCode() {
        assertThat(LoadRun.cause(new Client.Answer(409,
                "{\"status\":409,\"code\":\"CONCURRENT_MODIFICATION\",\"title\":\"Conflict\"}")))
                .isEqualTo("409 CONCURRENT_MODIFICATION");
        assertThat(LoadRun.cause(new Client.Answer(503, "{\"code\":\"SERVICE_UNAVAILABLE\"}")))
                .isEqualTo("503 SERVICE_UNAVAILABLE");
        assertThat(LoadRun.cause(new Client.Answer(502, "<html>Bad Gateway</html>"))).isEqualTo("502");
        assertThat(LoadRun.cause(new Client.Answer(500, ""))).isEqualTo("500");
    }

    @Test
    void aRateLimitedAnswerIsNamedByItsCodeAndSaysHowLongToWait() {
        Client.Answer limited = new Client.Answer(429, "{\"status\":429,\"code\":\"RATE_LIMITED\"}", null, "3");

        assertThat(LoadRun.cause(limited)).isEqualTo("429 RATE_LIMITED");
        assertThat(limited.retryAfterOr(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(3));
        assertThat(new Client.Answer(429, "").retryAfterOr(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(new Client.Answer(429, "", null, "Wed, 21 Oct 2026 07:28:00 GMT").retryAfterOr(Duration.ofSeconds(1)))
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void namesARequestWithoutAnswerByWhyItGotNone() {
        assertThat(LoadRun.cause(new ConnectException())).isEqualTo("connection refused");
        assertThat(LoadRun.cause(new IOException(new ConnectException("Connection refused"))))
                .isEqualTo("connection refused");
        assertThat(LoadRun.cause(new IOException("Connection reset"))).isEqualTo("connection reset or closed");
        assertThat(LoadRun.cause(new HttpTimeoutException("request timed out"))).isEqualTo("timed out");
        assertThat(LoadRun.cause(new HttpConnectTimeoutException("connect timed out"))).isEqualTo("timed out");
    }
}
