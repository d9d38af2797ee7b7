package com.mizani.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.app.reconciliation.ReconciliationReport;
import com.mizani.app.reconciliation.ReconciliationWatchdog;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ProviderSimulator;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payment tests against the simulator the shared application embeds. Each test leaves no payment open and the
 * books reconciled: after it, our M-Pesa settlement account equals the simulator's own ledger, and every currency
 * still sums to zero.
 */
public abstract class PaymentTestSupport extends IntegrationTest {

    protected static final String MSISDN = "254708374149";
    /** The operator who proposes how a payment in review ends, and the other one who approves or rejects it. */
    protected static final String MAKER = "ops.jane";
    protected static final String CHECKER = "ops.amina";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private EmbeddedSimulator embedded;

    @Autowired
    private ReconciliationWatchdog watchdog;

    protected ProviderSimulator simulator() {
        return embedded.simulator();
    }

    protected void faults(Faults faults) {
        simulator().setFaults(faults);
    }

    @AfterEach
    void booksReconcile() {
        simulator().setFaults(Faults.NONE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ReconciliationReport report = watchdog.run();
            assertThat(report.openPayments()).as("open payments").isZero();
            assertThat(report.differenceMinor()).as("provider minus our settlement account: " + report).isZero();
        });
        JsonNode verify = api.get("/api/v1/ledger/verify").json();
        assertThat(verify.path("balanced").asBoolean()).as(verify.toString()).isTrue();
    }

    protected String fundedKesWallet(String shillings) {
        String wallet = api.openWallet("KES");
        assertThat(api.deposit(wallet, shillings, "KES").status()).isEqualTo(201);
        return wallet;
    }

    protected Api.Response withdraw(String walletId, String amount) {
        return withdraw(UUID.randomUUID().toString(), walletId, amount, MSISDN);
    }

    protected Api.Response withdraw(String key, String walletId, String amount, String msisdn) {
        return api.post("/api/v1/withdrawals", """
                {"walletId":"%s","amount":"%s","currency":"KES","msisdn":"%s"}""".formatted(walletId, amount, msisdn),
                "Idempotency-Key", key);
    }

    protected Api.Response stkDeposit(String walletId, String amount) {
        return api.post("/api/v1/deposits", """
                {"walletId":"%s","amount":"%s","currency":"KES","method":"MPESA_STK","msisdn":"%s"}"""
                .formatted(walletId, amount, MSISDN), "Idempotency-Key", UUID.randomUUID().toString());
    }

    protected JsonNode payment(String paymentId) {
        return api.get("/api/v1/payments/" + paymentId).json();
    }

    /** Waits until the payment's view shows one of {@code statuses}, and returns it. */
    protected JsonNode awaitStatus(String paymentId, String... statuses) {
        Set<String> wanted = Set.of(statuses);
        return await().atMost(Duration.ofSeconds(45)).until(() -> {
            Api.Response response = api.get("/api/v1/payments/" + paymentId);
            return response.status() == 200 ? response.json() : null;
        }, view -> view != null && wanted.contains(view.path("status").asText()));
    }

    protected static long timelineCount(JsonNode payment, String event) {
        return StreamSupport.stream(payment.path("timeline").spliterator(), false)
                .filter(entry -> event.equals(entry.path("event").asText()))
                .count();
    }

    protected static boolean timelineHas(JsonNode payment, String event, String detailPart) {
        return StreamSupport.stream(payment.path("timeline").spliterator(), false)
                .anyMatch(entry -> event.equals(entry.path("event").asText())
                        && entry.path("detail").asText().contains(detailPart));
    }

    /** Proposes a resolution of a payment in review as {@code proposer}; the body as {@code /resolve} takes it. */
    protected Api.Response proposeResolution(String proposer, String paymentId, String resolutionJson) {
        return api.as(proposer).post("/api/v1/ops/payments/" + paymentId + "/resolve", resolutionJson);
    }

    protected Api.Response approveResolution(String approver, String paymentId) {
        return api.as(approver).post("/api/v1/ops/payments/" + paymentId + "/resolution/approve", "");
    }

    protected Api.Response rejectResolution(String rejecter, String paymentId, String reason) {
        return api.as(rejecter).post("/api/v1/ops/payments/" + paymentId + "/resolution/reject",
                "{\"reason\":\"%s\"}".formatted(reason));
    }

    /** A resolution proposed by {@link #MAKER} and approved by {@link #CHECKER}: the answer to the approval. */
    protected Api.Response resolveUnderFourEyes(String paymentId, String resolutionJson) {
        Api.Response proposed = proposeResolution(MAKER, paymentId, resolutionJson);
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(202);
        return approveResolution(CHECKER, paymentId);
    }

    /**
     * Waits until the incident view shows an open incident of {@code paymentId} with a correction pending (the system
     * proposes one with the incident), and returns it.
     */
    protected JsonNode awaitOpenIncident(String paymentId) {
        return await().atMost(Duration.ofSeconds(45)).until(() -> openIncidentOf(paymentId),
                incident -> incident != null && !incident.path("pendingCorrection").isNull());
    }

    private JsonNode openIncidentOf(String paymentId) {
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/ops/incidents?status=OPEN&limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode incident : page.path("items")) {
                if (incident.path("paymentId").asText().equals(paymentId)) {
                    return incident;
                }
            }
            cursor = page.path("nextCursor").asText(null);
        } while (cursor != null);
        return null;
    }

    /** The incident as the view shows it now. */
    protected JsonNode incident(String incidentId) {
        return api.get("/api/v1/ops/incidents/" + incidentId).json();
    }

    protected Api.Response approveCorrection(String approver, String paymentId) {
        return api.as(approver).post("/api/v1/ops/payments/" + paymentId + "/incident/correction/approve", "");
    }

    protected Api.Response rejectCorrection(String rejecter, String paymentId, String reason) {
        return api.as(rejecter).post("/api/v1/ops/payments/" + paymentId + "/incident/correction/reject",
                "{\"reason\":\"%s\"}".formatted(reason));
    }

    protected Api.Response proposeCorrection(String proposer, String paymentId, String action, String reason) {
        return api.as(proposer).post("/api/v1/ops/payments/" + paymentId + "/incident/correction",
                "{\"action\":\"%s\",\"reason\":\"%s\"}".formatted(action, reason));
    }

    /** The provider takes back a payout it paid, and says so with a failure result (the simulator's admin action). */
    protected int reverseAtTheProvider(String paymentId) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator().baseUri().resolve("/simulator/payouts/" + paymentId
                        + "/reverse")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Waits until the wallet's read model shows {@code field} (available, held) at {@code amount}. */
    protected void awaitBalance(String walletId, String field, String amount) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(wallet(walletId).path(field).asText()).as(field).isEqualTo(amount));
    }

    protected JsonNode wallet(String walletId) {
        return api.wallet(walletId);
    }

    /** A customer paying into our pay bill, as the simulator's C2B simulate call. */
    protected void payBill(String billReference, long shillings) throws Exception {
        String basic = Base64.getEncoder().encodeToString("mizani:mizani-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(simulator().baseUri()
                        .resolve("/oauth/v1/generate?grant_type=client_credentials"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
        String bearer = JSON.readTree(token.body()).path("access_token").asText();
        HttpResponse<String> simulated = http.send(HttpRequest.newBuilder(simulator().baseUri().resolve("/mpesa/c2b/v1/simulate"))
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"ShortCode":"600996","CommandID":"CustomerPayBillOnline","Amount":%d,"Msisdn":"%s","BillRefNumber":"%s"}"""
                        .formatted(shillings, MSISDN, billReference))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(simulated.statusCode()).as(simulated.body()).isEqualTo(200);
    }

    /** The newest payment the simulator received (C2B or STK), as its ledger lists it. */
    protected JsonNode newestReceivedAtProvider() throws Exception {
        HttpResponse<String> newest = http.send(HttpRequest.newBuilder(simulator().baseUri()
                .resolve("/simulator/ledger?limit=1&direction=RECEIVED")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(newest.body()).path("records").get(0);
    }
}
