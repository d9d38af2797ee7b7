package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.command.payment.PayoutBacklog;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ProviderSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Back-pressure on payouts, in an instance of its own with a backlog of at most three payouts and one provider request
 * in flight, against a simulator that holds its answers: three payouts fill the backlog; a fourth is refused with 503
 * PAYOUTS_BACKLOGGED and Retry-After and reserves nothing; a repeat of an accepted one is still its 202; once the
 * provider answers again the backlog drains and the refused payout, offered again under its key, is accepted.
 */
class PayoutBackPressureTest {

    private static final String MSISDN = "254708374149";
    private static final int BOUND = 3;
    /**
     * How long the simulator holds each answer while the backlog fills; the payouts behind it wait for its slot. It
     * pays before it answers, so its result callback is held a little longer: a result before the acknowledgement
     * would settle the payout, which would then no longer count.
     */
    private static final long HOLD_MS = 8_000;

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static ProviderSimulator simulator;

    @BeforeAll
    static void start() {
        app = IntegrationTest.startApplication("mizani.data-dir=" + IntegrationTest.temporaryDataDir(),
                "mizani.payments.max-unsent-payouts=" + BOUND,
                "mizani.payments.provider-calls.max-in-flight=1",
                "mizani.payments.withdrawal-fee-minor=1500",
                "mizani.payments.settle-window-ms=0",
                // A held answer is slow, not lost: it must not count as unknown (AMBIGUOUS) while it is held.
                "mizani.provider.request-timeout-ms=30000");
        api = new Api(IntegrationTest.portOf(app));
        simulator = app.getBean(EmbeddedSimulator.class).simulator();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aFullBacklogRefusesNewPayoutsOnlyUntilTheProviderTakesThemAgain() throws Exception {
        String wallet = api.openWallet("KES");
        assertThat(api.deposit(wallet, "1000.00", "KES").status()).isEqualTo(201);
        PayoutBacklog backlog = app.getBean(PayoutBacklog.class);
        assertThat(backlog.full()).isEmpty();

        simulator.setFaults(Faults.NONE.withLatencyMs(HOLD_MS).withLateCallbackMs(HOLD_MS + 2_000));
        List<String> keys = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < BOUND; i++) {
            String key = UUID.randomUUID().toString();
            Api.Response payout = withdraw(key, wallet, "10");
            assertThat(payout.status()).as(payout.body()).isEqualTo(202);
            keys.add(key);
            accepted.add(payout.text("paymentId"));
        }
        // The first is held at the provider, the other two wait for its slot: none has been sent (acknowledged).
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog.full().isPresent());
        assertThat(app.getBean(MeterRegistry.class).get("mizani.payouts.unsent").gauge().value()).isEqualTo(BOUND);
        for (String paymentId : accepted) {
            assertThat(payment(paymentId).path("status").asText()).isEqualTo("RESERVED");
        }
        assertThat(api.wallet(wallet).path("available").asText()).isEqualTo("925.00");
        assertThat(api.wallet(wallet).path("held").asText()).isEqualTo("75.00");

        String refusedKey = UUID.randomUUID().toString();
        HttpResponse<String> refused = rawWithdraw(refusedKey, wallet, "10");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(refused.body()).path("code").asText()).isEqualTo("PAYOUTS_BACKLOGGED");
        assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(seconds ->
                assertThat(seconds).isBetween(1L, 60L));
        assertThat(api.wallet(wallet).path("available").asText()).as("nothing reserved").isEqualTo("925.00");
        assertThat(api.wallet(wallet).path("held").asText()).isEqualTo("75.00");

        // A repeat is no new work: the first payout answers as it did, and another body under its key is a conflict.
        Api.Response repeat = withdraw(keys.getFirst(), wallet, "10");
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(202);
        assertThat(repeat.text("paymentId")).isEqualTo(accepted.getFirst());
        assertThat(withdraw(keys.getFirst(), wallet, "20").code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        simulator.setFaults(Faults.NONE);
        for (String paymentId : accepted) {
            await().atMost(Duration.ofSeconds(45)).until(() -> payment(paymentId).path("status").asText(),
                    "SETTLED"::equals);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> backlog.full().isEmpty());
        // The refusal recorded nothing under its key: offered again, it is a payout of its own.
        Api.Response retried = withdraw(refusedKey, wallet, "10");
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        String retriedId = retried.text("paymentId");
        assertThat(accepted).doesNotContain(retriedId);
        await().atMost(Duration.ofSeconds(45)).until(() -> payment(retriedId).path("status").asText(), "SETTLED"::equals);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.wallet(wallet).path("available").asText()).isEqualTo("900.00");
            assertThat(api.wallet(wallet).path("held").asText()).isEqualTo("0.00");
        });
    }

    private static Api.Response withdraw(String key, String walletId, String amount) {
        return api.post("/api/v1/withdrawals", body(walletId, amount), "Idempotency-Key", key);
    }

    /** The payout as the HTTP client sees it, headers and all. */
    private static HttpResponse<String> rawWithdraw(String key, String walletId, String amount) throws Exception {
        HttpRequest request = api.authorize(HttpRequest.newBuilder(api.uri("/api/v1/withdrawals")))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body(walletId, amount))).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String body(String walletId, String amount) {
        return """
                {"walletId":"%s","amount":"%s","currency":"KES","msisdn":"%s"}""".formatted(walletId, amount, MSISDN);
    }

    private static JsonNode payment(String paymentId) {
        return api.get("/api/v1/payments/" + paymentId).json();
    }
}
