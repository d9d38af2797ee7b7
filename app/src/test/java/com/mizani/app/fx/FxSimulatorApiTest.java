package com.mizani.app.fx;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.command.fx.FxRate;
import com.mizani.command.fx.RateSource;
import com.mizani.command.fx.rates.FreshRates;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;

import static com.mizani.kernel.money.CurrencyCode.KES;
import static com.mizani.kernel.money.CurrencyCode.KWD;
import static com.mizani.kernel.money.CurrencyCode.UGX;
import static com.mizani.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application on its local defaults quotes from the embedded simulator through the one RateSource bean, and the
 * simulator's fault is switched over HTTP. (Who may switch it: AuthorizationMatrixTest.)
 */
class FxSimulatorApiTest extends IntegrationTest {

    private static final String PATH = "/api/v1/admin/fx-simulator";

    @Autowired
    private ApplicationContext context;

    @Autowired
    private RateSource rates;

    @AfterEach
    void leaveTheSimulatorWell() {
        assertThat(put("{\"fault\":\"NONE\"}").status()).isEqualTo(200);
    }

    private Api.Response put(String body) {
        return api.send(HttpRequest.newBuilder(api.uri(PATH)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theOneRateSourceIsTheSimulatorBehindTheFreshnessCheck() {
        assertThat(context.getBeansOfType(RateSource.class)).containsOnlyKeys("rateSource");
        assertThat(rates).isInstanceOf(FreshRates.class);

        Instant before = Instant.now();
        FxRate kesUsd = rates.current(KES, USD);
        assertThat(kesUsd.rate().toPlainString()).isEqualTo("0.00773993808050");
        assertThat(kesUsd.spreadBps()).isEqualTo(50);
        assertThat(kesUsd.asOf()).isBetween(before, Instant.now());
        assertThat(rates.current(KES, UGX).rate()).isEqualByComparingTo("28.25");
        assertThat(rates.current(USD, KWD).rate()).isEqualByComparingTo("0.3065");
    }

    @Test
    void anAdminSeesTheFaultAndTheTable() {
        Api.Response state = api.get(PATH);

        assertThat(state.status()).isEqualTo(200);
        assertThat(state.text("fault")).isEqualTo("NONE");
        assertThat(state.json().path("pairs").path("USD-KES").asText()).isEqualTo("129.20");
        assertThat(state.json().path("pairs").size()).isEqualTo(21);
    }

    @Test
    void anOutageSwitchedOnOverHttpRefusesRatesUntilSwitchedOff() {
        Api.Response outage = put("{\"fault\":\"OUTAGE\"}");
        assertThat(outage.status()).isEqualTo(200);
        assertThat(outage.text("fault")).isEqualTo("OUTAGE");
        assertThat(api.get(PATH).text("fault")).isEqualTo("OUTAGE");
        assertThatThrownBy(() -> rates.current(KES, USD)).isInstanceOfSatisfying(RetryLater.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE);
            assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(5));
        });

        Api.Response stale = put("{\"fault\":\"STALE\"}");
        assertThat(stale.text("fault")).isEqualTo("STALE");
        assertThatThrownBy(() -> rates.current(KES, USD)).isInstanceOfSatisfying(RetryLater.class,
                refused -> assertThat(refused.getMessage()).contains("at most 30 s old"));

        assertThat(put("{\"fault\":\"NONE\"}").text("fault")).isEqualTo("NONE");
        assertThat(rates.current(KES, USD).rate()).isEqualByComparingTo("0.00773993808050");
    }

    @Test
    void badInputIsA400ProblemAndChangesNothing() {
        assertThat(put("{\"fault\":\"OUTAGE\"}").status()).isEqualTo(200);

        for (String body : new String[]{"{\"fault\":\"BROKEN\"}", "{\"fault\":\"outage\"}", "{}",
                "{\"fault\":7}"}) {
            expectRefused(put(body), body, "VALIDATION_FAILED");
        }
        for (String body : new String[]{"{\"fault\":", "null", ""}) {
            expectRefused(put(body), body, "MALFORMED_REQUEST");
        }
        assertThat(api.get(PATH).text("fault")).isEqualTo("OUTAGE");
    }

    private static void expectRefused(Api.Response refused, String body, String code) {
        assertThat(refused.status()).as("<%s>: %s", body, refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).as(body).isTrue();
        assertThat(refused.code()).as("<%s>", body).isEqualTo(code);
    }
}
