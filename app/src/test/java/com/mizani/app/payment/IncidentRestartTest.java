package com.mizani.app.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.providersim.Faults;
import com.mizani.providersim.LedgerTotals;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.providersim.ResultCodes;
import com.mizani.providersim.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application stops with a payout in each stage of a provider that changes its mind, and starts again on the same
 * data and port (where the provider sends its callbacks): open incidents are decided after the restart, a settlement
 * inside the settle window still settles, one after it fails and then becomes an incident, and the books reconcile
 * with nothing paid or corrected twice.
 */
class IncidentRestartTest {

    private static final String SETTLE_WINDOW_MS = "8000";
    private static final String APPROVER = "ops.amina";
    private final Path dataDir = IntegrationTest.temporaryDataDir();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void incidentsAndLateSettlementsCarryOnAcrossARestart() throws Exception {
        int port = freePort();
        try (ProviderSimulator simulator = new ProviderSimulator()) {
            simulator.start(SimulatorConfig.of("mizani", "mizani-secret", "change-me-callback-secret", 11));
            String wallet;
            String paidAfterFailure;
            String reversed;
            String settlesInsideTheWindow;
            String settlesAfterTheWindow;
            try (ConfigurableApplicationContext app = start(simulator, port)) {
                Api api = new Api(port);
                wallet = api.openWallet("KES");
                assertThat(api.deposit(wallet, "10000.00", "KES").status()).isEqualTo(201);

                simulator.setFaults(Faults.NONE.withContradictionRate(1.0).withContradictionDelayMs(1_000)
                        .withFailureResultCode(ResultCodes.INITIATOR_INVALID));
                paidAfterFailure = sentToTheProvider(api, withdraw(api, wallet, "100"));
                simulator.setFaults(Faults.NONE);
                awaitOpenIncident(api, paidAfterFailure);

                reversed = withdraw(api, wallet, "200");
                awaitStatus(api, reversed, "SETTLED");
                assertThat(reverse(simulator, reversed)).isEqualTo(200);
                awaitOpenIncident(api, reversed);

                simulator.setFaults(Faults.NONE.withDelayedSettlementRate(1.0).withSettlementDelayMs(5_000));
                settlesInsideTheWindow = sentToTheProvider(api, withdraw(api, wallet, "300"));
                simulator.setFaults(Faults.NONE.withDelayedSettlementRate(1.0).withSettlementDelayMs(25_000));
                settlesAfterTheWindow = sentToTheProvider(api, withdraw(api, wallet, "400"));
                simulator.setFaults(Faults.NONE);
                // Stop once the provider has answered "no such payout" for the one that settles inside the window.
                await().atMost(Duration.ofSeconds(20)).until(() -> timelineHas(payment(api, settlesInsideTheWindow),
                        "ProviderResultIgnored", "not yet"));
            }

            try (ConfigurableApplicationContext app = start(simulator, port)) {
                Api api = new Api(port);
                for (String paymentId : new String[]{paidAfterFailure, reversed}) {
                    Api.Response approved = approve(api, paymentId);
                    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                }
                JsonNode settled = awaitStatus(api, settlesInsideTheWindow, "SETTLED");
                assertThat(timelineCount(settled, "PaymentContradicted")).isZero();

                awaitStatus(api, settlesAfterTheWindow, "FAILED");
                awaitOpenIncident(api, settlesAfterTheWindow);
                Api.Response approved = approve(api, settlesAfterTheWindow);
                assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                assertThat(approve(api, settlesAfterTheWindow).status()).as("a repeated approval").isEqualTo(200);

                // 100 and 400 taken back, 200 given back (its fee stays), 300 plus its fee paid out.
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    JsonNode view = api.wallet(wallet);
                    assertThat(view.path("available").asText()).isEqualTo("9170.00");
                    assertThat(view.path("held").asText()).isEqualTo("0.00");
                });
                LedgerTotals provider = simulator.ledgerTotals();
                assertThat(provider.paidTotalMinor()).as("100 + 300 + 400 paid, 200 reversed").isEqualTo(80_000);
                for (String paymentId : new String[]{paidAfterFailure, reversed, settlesInsideTheWindow,
                        settlesAfterTheWindow}) {
                    assertThat(providerRecord(simulator, paymentId).path("timesRequested").asInt())
                            .as("B2C requests for " + paymentId).isEqualTo(1);
                }
                assertThat(api.get("/api/v1/ledger/verify").json().path("balanced").asBoolean()).isTrue();
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    JsonNode reconciliation = api.post("/api/v1/ops/reconciliation/run", "{}").json();
                    assertThat(reconciliation.path("outcome").asText()).as(reconciliation.toString())
                            .isEqualTo("MATCHED");
                });
                assertThat(api.get("/api/v1/ops/incidents?status=OPEN").json().path("items").size()).isZero();
            }
        }
    }

    private ConfigurableApplicationContext start(ProviderSimulator simulator, int port) {
        return IntegrationTest.startApplication("mizani.data-dir=" + dataDir,
                "server.port=" + port,
                "mizani.provider.base-url=" + simulator.baseUri(),
                "mizani.payments.withdrawal-fee-minor=1500",
                "mizani.payments.settle-window-ms=" + SETTLE_WINDOW_MS,
                "mizani.payments.deadlines.result-wait-ms=1500",
                "mizani.payments.deadlines.first-status-query-ms=1000",
                "mizani.payments.deadlines.max-status-query-interval-ms=1000",
                "mizani.payments.deadlines.max-status-queries=60",
                "mizani.axon.deadline-polling-ms=200");
    }

    private static String withdraw(Api api, String wallet, String shillings) {
        Api.Response accepted = api.post("/api/v1/withdrawals", """
                {"walletId":"%s","amount":"%s","currency":"KES","msisdn":"254708374149"}""".formatted(wallet, shillings),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.text("paymentId");
    }

    /** Waits until the provider has the request (faults are drawn when it arrives), and returns the payment id. */
    private static String sentToTheProvider(Api api, String paymentId) {
        awaitStatus(api, paymentId, "SUBMITTED", "FAILED", "SETTLED", "AMBIGUOUS");
        return paymentId;
    }

    private static JsonNode payment(Api api, String paymentId) {
        return api.get("/api/v1/payments/" + paymentId).json();
    }

    private static JsonNode awaitStatus(Api api, String paymentId, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return await().atMost(Duration.ofSeconds(60)).until(() -> payment(api, paymentId),
                view -> wanted.contains(view.path("status").asText()));
    }

    private static void awaitOpenIncident(Api api, String paymentId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> StreamSupport.stream(
                        api.get("/api/v1/ops/incidents?status=OPEN&limit=500").json().path("items").spliterator(), false)
                .anyMatch(incident -> incident.path("paymentId").asText().equals(paymentId)
                        && !incident.path("pendingCorrection").isNull()));
    }

    private static Api.Response approve(Api api, String paymentId) {
        return api.as(APPROVER).post("/api/v1/ops/payments/" + paymentId + "/incident/correction/approve", "");
    }

    private static boolean timelineHas(JsonNode payment, String event, String detailPart) {
        return StreamSupport.stream(payment.path("timeline").spliterator(), false)
                .anyMatch(entry -> event.equals(entry.path("event").asText())
                        && entry.path("detail").asText().contains(detailPart));
    }

    private static long timelineCount(JsonNode payment, String event) {
        return StreamSupport.stream(payment.path("timeline").spliterator(), false)
                .filter(entry -> event.equals(entry.path("event").asText())).count();
    }

    private int reverse(ProviderSimulator simulator, String paymentId) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.baseUri().resolve("/simulator/payouts/" + paymentId
                + "/reverse")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode providerRecord(ProviderSimulator simulator, String paymentId) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                simulator.baseUri().resolve("/simulator/transactions/" + paymentId)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
