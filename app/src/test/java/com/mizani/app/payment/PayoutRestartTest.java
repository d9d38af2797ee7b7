package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.providersim.Faults;
import com.mizani.providersim.LedgerTotals;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.providersim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application stops in the middle of open payouts and starts again on the same data: the persistent deadlines
 * and saga state carry every payout to its outcome, and none is paid or debited twice.
 */
class PayoutRestartTest {

    private static final int PAYOUTS = 12;
    private final Path dataDir = IntegrationTest.temporaryDataDir();

    @Test
    void openPayoutsCompleteAfterARestartWithoutDoubleDebit() throws Exception {
        try (ProviderSimulator simulator = new ProviderSimulator()) {
            simulator.start(SimulatorConfig.of("mizani", "mizani-secret", "change-me-callback-secret", 7));
            // Results are lost, so every payout waits for its status query, which the stop interrupts.
            simulator.setFaults(Faults.NONE.withLostCallbackRate(1.0));
            String wallet;
            List<String> payments = new ArrayList<>();
            try (ConfigurableApplicationContext app = start(simulator)) {
                Api api = new Api(IntegrationTest.portOf(app));
                wallet = api.openWallet("KES");
                assertThat(api.deposit(wallet, "10000.00", "KES").status()).isEqualTo(201);
                for (int i = 0; i < PAYOUTS; i++) {
                    Api.Response accepted = api.post("/api/v1/withdrawals", """
                            {"walletId":"%s","amount":"100","currency":"KES","msisdn":"254708374149"}""".formatted(wallet),
                            "Idempotency-Key", UUID.randomUUID().toString());
                    assertThat(accepted.status()).isEqualTo(202);
                    payments.add(accepted.text("paymentId"));
                }
            }
            simulator.setFaults(Faults.NONE);

            try (ConfigurableApplicationContext app = start(simulator)) {
                Api api = new Api(IntegrationTest.portOf(app));
                for (String paymentId : payments) {
                    await().atMost(Duration.ofSeconds(60)).until(
                            () -> api.get("/api/v1/payments/" + paymentId).json().path("status").asText(),
                            status -> status.equals("SETTLED"));
                }
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    JsonNode view = api.wallet(wallet);
                    assertThat(view.path("available").asText()).isEqualTo("8620.00");
                    assertThat(view.path("held").asText()).isEqualTo("0.00");
                });
                LedgerTotals provider = simulator.ledgerTotals();
                assertThat(provider.paidCount()).isEqualTo(PAYOUTS);
                assertThat(provider.paidTotalMinor()).isEqualTo(PAYOUTS * 10_000L);
                for (String paymentId : payments) {
                    assertThat(timesRequested(simulator, paymentId)).as("B2C requests for " + paymentId).isEqualTo(1);
                }
                assertThat(api.get("/api/v1/ledger/verify").json().path("balanced").asBoolean()).isTrue();
                JsonNode reconciliation = api.post("/api/v1/ops/reconciliation/run", "{}").json();
                assertThat(reconciliation.path("outcome").asText()).as(reconciliation.toString()).isEqualTo("MATCHED");
            }
        }
    }

    private ConfigurableApplicationContext start(ProviderSimulator simulator) {
        return IntegrationTest.startApplication("mizani.data-dir=" + dataDir,
                "mizani.provider.base-url=" + simulator.baseUri(),
                "mizani.payments.withdrawal-fee-minor=1500",
                "mizani.payments.settle-window-ms=0",
                "mizani.payments.deadlines.result-wait-ms=3000",
                "mizani.payments.deadlines.first-status-query-ms=1000",
                "mizani.payments.deadlines.max-status-query-interval-ms=2000",
                "mizani.payments.deadlines.max-status-queries=20",
                "mizani.axon.deadline-polling-ms=200");
    }

    private static int timesRequested(ProviderSimulator simulator, String paymentId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                simulator.baseUri().resolve("/simulator/transactions/" + paymentId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body()).path("timesRequested").asInt();
    }
}
