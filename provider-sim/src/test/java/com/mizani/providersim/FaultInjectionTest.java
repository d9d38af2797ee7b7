package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SimulatorTestBase {

    @Test
    void definitiveFailureFaultSendsAFailureResultAndPaysNothing() throws Exception {
        startSimulator(Faults.NONE.withFailureRate(1.0, ResultCodes.INITIATOR_INVALID));
        String token = client.token();

        assertThat(client.b2c(token, SimulatorClient.b2cBody("pay-f1", 1000, MSISDN, b2cResultUrl())).statusCode()).isEqualTo(200);

        JsonNode result = receiver.next(B2C_RESULT).result();
        assertThat(result.path("ResultCode").asInt()).isEqualTo(2001);
        assertThat(result.path("ResultDesc").asText()).isEqualTo("The initiator information is invalid.");
        assertThat(result.has("ResultParameters")).isFalse();
        JsonNode ledger = client.ledger();
        assertThat(ledger.path("totalPaidOut").asLong()).isZero();
        assertThat(ledger.path("failedCount").asInt()).isEqualTo(1);
        assertThat(ledger.path("records").get(0).path("receipt").isNull()).isTrue();
        // The status of a failed payout is the definitive "not paid", never "Completed".
        client.status(token, SimulatorClient.statusBody("pay-f1", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).result().path("ResultCode").asInt()).isEqualTo(ResultCodes.NO_SUCH_PAYOUT);
    }

    @Test
    void duplicateCallbackFaultSendsTwoIdenticalCallbacksForOnePayout() throws Exception {
        startSimulator(faults("{\"duplicateCallbackRate\": 1.0}"));

        client.b2c(client.token(), SimulatorClient.b2cBody("pay-d1", 1000, MSISDN, b2cResultUrl()));

        CallbackReceiver.Received first = receiver.next(B2C_RESULT);
        CallbackReceiver.Received second = receiver.next(B2C_RESULT);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.signature()).isEqualTo(first.signature());
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, second.body(), second.signature())).isTrue();
        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(300));
        JsonNode ledger = client.ledger();
        assertThat(ledger.path("records")).hasSize(1);
        assertThat(ledger.path("totalPaidOut").asLong()).isEqualTo(1000);
    }

    @Test
    void lostCallbackFaultPaysWithoutCallingBackAndTheStatusQueryFindsThePayout() throws Exception {
        startSimulator(faults("{\"lostCallbackRate\": 1.0}"));
        String token = client.token();

        assertThat(client.b2c(token, SimulatorClient.b2cBody("pay-l1", 1000, MSISDN, b2cResultUrl())).statusCode()).isEqualTo(200);

        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(500));
        String receipt = client.ledger().path("records").get(0).path("receipt").asText();
        assertThat(receipt).isNotBlank();
        simulator.setFaults(Faults.NONE);
        client.status(token, SimulatorClient.statusBody("pay-l1", statusResultUrl()));
        CallbackReceiver.Received status = receiver.next(STATUS_RESULT);
        assertThat(status.parameter("TransactionStatus").asText()).isEqualTo("Completed");
        assertThat(status.parameter("ReceiptNo").asText()).isEqualTo(receipt);
        assertThat(status.parameter("Amount").asLong()).isEqualTo(1000);
    }

    @Test
    void serverErrorFaultAnswers5xxWithoutProcessing() throws Exception {
        startSimulator(faults("{\"serverErrorRate\": 1.0}"));
        String token = client.token();
        var body = SimulatorClient.b2cBody("pay-e1", 1000, MSISDN, b2cResultUrl());

        HttpResponse<String> response = client.b2c(token, body);

        assertThat(response.statusCode()).isIn(500, 503);
        assertThat(SimulatorClient.json(response).path("errorCode").asText()).startsWith(String.valueOf(response.statusCode()));
        assertThat(client.ledger().path("records")).isEmpty();
        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(300));
        // The retry after the outage pays, exactly once.
        simulator.setFaults(Faults.NONE);
        assertThat(client.b2c(token, body).statusCode()).isEqualTo(200);
        assertThat(receiver.next(B2C_RESULT).result().path("ResultCode").asInt(-1)).isZero();
        assertThat(client.ledger().path("totalPaidOut").asLong()).isEqualTo(1000);
    }

    @Test
    void timeoutFaultLeavesTheClientWithoutAnswerButTheStatusMatchesTheLedger() throws Exception {
        startSimulator(faults("{\"timeoutRate\": 1.0, \"timeoutHoldMs\": 20000}"));
        String token = client.token();
        var body = SimulatorClient.b2cBody("pay-t1", 1000, MSISDN, b2cResultUrl());

        assertThatThrownBy(() -> client.post(B2cPaymentEndpoint.PATH, token, body, Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);

        Await.until("the payout in the ledger", Duration.ofSeconds(5), () -> ledgerSize() == 1);
        JsonNode payout = client.ledger().path("records").get(0);
        simulator.setFaults(Faults.NONE);
        client.status(token, SimulatorClient.statusBody("pay-t1", statusResultUrl()));
        CallbackReceiver.Received status = receiver.next(STATUS_RESULT);
        assertThat(payout.path("status").asText()).isEqualTo("PAID");
        assertThat(status.parameter("TransactionStatus").asText()).isEqualTo("Completed");
        assertThat(status.parameter("ReceiptNo").asText()).isEqualTo(payout.path("receipt").asText());
        // The client's retry is deduplicated: still one payout.
        assertThat(client.b2c(token, body).statusCode()).isEqualTo(200);
        assertThat(client.ledger().path("totalPaidOut").asLong()).isEqualTo(1000);
    }

    @Test
    void lateOutOfOrderCallbacksArriveInSwappedOrder() throws Exception {
        startSimulator(faults("{\"outOfOrder\": true, \"lateCallbackMs\": 10000}"));
        String token = client.token();

        client.b2c(token, SimulatorClient.b2cBody("pay-first", 100, MSISDN, b2cResultUrl()));
        client.b2c(token, SimulatorClient.b2cBody("pay-second", 200, MSISDN, b2cResultUrl()));

        assertThat(receiver.next(B2C_RESULT).result().path("OriginatorConversationID").asText()).isEqualTo("pay-second");
        assertThat(receiver.next(B2C_RESULT).result().path("OriginatorConversationID").asText()).isEqualTo("pay-first");
    }

    @Test
    void faultsChangedAtRunTimeTakeEffectAndBadSettingsAreRefused() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        assertThat(client.get(AdminEndpoints.FAULTS_PATH).path("failureRate").asDouble()).isZero();

        HttpResponse<String> changed = client.post(AdminEndpoints.FAULTS_PATH, null,
                Json.MAPPER.readTree("{\"failureRate\": 1.0, \"failureResultCode\": 1}"));

        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode now = client.get(AdminEndpoints.FAULTS_PATH);
        assertThat(now.path("failureRate").asDouble()).isEqualTo(1.0);
        assertThat(now.path("failureResultCode").asInt()).isEqualTo(1);
        assertThat(now.path("timeoutHoldMs").asLong()).as("untouched knob").isEqualTo(Faults.NONE.timeoutHoldMs());
        client.b2c(token, SimulatorClient.b2cBody("pay-r1", 1000, MSISDN, b2cResultUrl()));
        assertThat(receiver.next(B2C_RESULT).result().path("ResultCode").asInt()).isEqualTo(1);
        assertThat(client.ledger().path("totalPaidOut").asLong()).isZero();

        for (String bad : List.of("{\"failureRate\": 2}", "{\"failureResultCode\": 0}", "{\"noSuchKnob\": 1}", "[]")) {
            HttpResponse<String> refused = client.post(AdminEndpoints.FAULTS_PATH, null, Json.MAPPER.readTree(bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
        }
        assertThat(client.get(AdminEndpoints.FAULTS_PATH)).isEqualTo(now);
    }

    @Test
    void queueTimeoutFaultCallsTheQueueTimeOutUrlPaysNothingAndALaterRetryIsProcessedNormally() throws Exception {
        startSimulator(Faults.NONE.withQueueTimeoutRate(1.0));
        String token = client.token();
        var body = SimulatorClient.b2cBody("pay-q1", 1000, MSISDN, b2cResultUrl());

        HttpResponse<String> response = client.b2c(token, body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = SimulatorClient.json(response);
        assertThat(ack.path("ResponseCode").asText()).isEqualTo("0");
        CallbackReceiver.Received timeout = receiver.next(B2C_TIMEOUT);
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, timeout.body(), timeout.signature())).isTrue();
        JsonNode result = timeout.result();
        assertThat(result.path("ResultType").asInt()).isEqualTo(1);
        assertThat(result.path("ResultCode").asInt()).isEqualTo(1037);
        assertThat(result.path("ResultDesc").asText()).isEqualTo("The request timed out in the provider's queue.");
        assertThat(result.path("OriginatorConversationID").asText()).isEqualTo("pay-q1");
        assertThat(result.path("ConversationID").asText()).isEqualTo(ack.path("ConversationID").asText());
        assertThat(result.has("ResultParameters")).isFalse();
        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(300));
        assertThat(simulator.ledgerTotals().paidCount()).isZero();
        assertThat(client.ledger().path("recordCount").asLong()).isZero();
        assertThat(client.getResponse(AdminEndpoints.TRANSACTIONS_PATH + "pay-q1").statusCode()).isEqualTo(404);

        simulator.setFaults(Faults.NONE);
        client.status(token, SimulatorClient.statusBody("pay-q1", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).result().path("ResultCode").asInt()).isEqualTo(ResultCodes.NO_SUCH_PAYOUT);
        // The retry of the same OriginatorConversationID is a first request as far as the books go.
        client.b2c(token, body);
        assertThat(receiver.next(B2C_RESULT).result().path("ResultCode").asInt(-1)).isZero();
        assertThat(simulator.ledgerTotals().paidTotalMinor()).isEqualTo(100_000);
    }

    @Test
    void queueTimeoutFaultNeverHitsARepeatOfASettledPayout() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        var body = SimulatorClient.b2cBody("pay-q2", 1000, MSISDN, b2cResultUrl());
        client.b2c(token, body);
        JsonNode original = receiver.next(B2C_RESULT).json();
        simulator.setFaults(Faults.NONE.withQueueTimeoutRate(1.0));

        client.b2c(token, body);

        assertThat(receiver.next(B2C_RESULT).json()).isEqualTo(original);
        receiver.assertNothingArrives(B2C_TIMEOUT, Duration.ofMillis(300));
        assertThat(simulator.ledgerTotals().paidCount()).isEqualTo(1);
    }

    @Test
    void aB2cRequestWithoutQueueTimeOutUrlIsRefused() throws Exception {
        startSimulator(Faults.NONE);
        var body = SimulatorClient.b2cBody("pay-noq", 1000, MSISDN, b2cResultUrl());
        body.remove("QueueTimeOutURL");

        HttpResponse<String> response = client.b2c(client.token(), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errorMessage").asText()).contains("QueueTimeOutURL");
    }

    @Test
    void theNewKnobsAreSetValidatedAndRoundTrip() throws Exception {
        startSimulator(Faults.NONE);

        HttpResponse<String> changed = client.post(AdminEndpoints.FAULTS_PATH, null,
                Json.MAPPER.readTree("{\"stkCancelRate\": 0.25, \"queueTimeoutRate\": 0.5}"));

        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode now = client.get(AdminEndpoints.FAULTS_PATH);
        assertThat(now.path("stkCancelRate").asDouble()).isEqualTo(0.25);
        assertThat(now.path("queueTimeoutRate").asDouble()).isEqualTo(0.5);
        assertThat(simulator.faults().stkCancelRate()).isEqualTo(0.25);
        assertThat(simulator.faults().queueTimeoutRate()).isEqualTo(0.5);
        for (String bad : List.of("{\"stkCancelRate\": 1.5}", "{\"stkCancelRate\": -0.1}", "{\"stkCancelRate\": \"often\"}",
                "{\"queueTimeoutRate\": 2}", "{\"queueTimeoutRate\": -1}", "{\"queueTimeoutRate\": null}")) {
            HttpResponse<String> refused = client.post(AdminEndpoints.FAULTS_PATH, null, Json.MAPPER.readTree(bad));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(SimulatorClient.json(refused).path("errorCode").asText()).as(bad).isEqualTo("400.002.02");
        }
        assertThat(client.get(AdminEndpoints.FAULTS_PATH)).isEqualTo(now);

        Faults every = Faults.NONE.withLatencyMs(5).withTimeoutRate(0.1).withTimeoutHoldMs(100).withServerErrorRate(0.2)
                .withFailureRate(0.3).withFailureResultCode(2001).withDuplicateCallbackRate(0.4).withLostCallbackRate(0.5)
                .withLateCallbackMs(6).withOutOfOrder(true).withQueueTimeoutRate(0.6).withStkCancelRate(0.7)
                .withDelayedSettlementRate(0.8).withSettlementDelayMs(7).withContradictionRate(0.9)
                .withContradictionDelayMs(8).withAmountMismatchRate(0.15);
        assertThat(every).isEqualTo(new Faults(5, 0.1, 100, 0.2, 0.3, 2001, 0.4, 0.5, 6, true, 0.6, 0.7, 0.8, 7, 0.9, 8,
                0.15));
        assertThat(FaultsJson.merge(Faults.NONE, FaultsJson.toJson(every))).isEqualTo(every);
        assertThatThrownBy(() -> Faults.NONE.withStkCancelRate(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Faults.NONE.withQueueTimeoutRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandLineAcceptsTheNewKnobs() {
        SimulatorConfig config = ProviderSimulatorMain.parse(new String[] {
                "--secret", "s", "--faults", "{\"stkCancelRate\": 0.3, \"queueTimeoutRate\": 0.2}"});

        assertThat(config.faults()).isEqualTo(Faults.NONE.withStkCancelRate(0.3).withQueueTimeoutRate(0.2));
        assertThatThrownBy(() -> ProviderSimulatorMain.parse(new String[] {"--secret", "s", "--faults", "{\"stkCancelRate\": 3}"}))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("stkCancelRate");
    }

    @Test
    void runsWithTheSameSeedRepeat() throws Exception {
        List<String> first = seededRun(7);
        simulator.close();
        List<String> second = seededRun(7);

        assertThat(second).isEqualTo(first);
        // Both outcomes occur, so the equality above really compares seeded fault decisions.
        assertThat(first).anyMatch(line -> line.startsWith("PAID")).anyMatch(line -> line.startsWith("FAILED"));
    }

    /** Ten payouts under a 50% failure rate; returns what the ledger made of each, minus the wall-clock parts. */
    private List<String> seededRun(long seed) throws Exception {
        startSimulator(config(seed).withFaults(Faults.NONE.withFailureRate(0.5, ResultCodes.INSUFFICIENT_FUNDS)));
        String token = client.token();
        for (int i = 0; i < 10; i++) {
            client.b2c(token, SimulatorClient.b2cBody("seeded-" + i, 100 + i, MSISDN, b2cResultUrl()));
        }
        List<String> outcomes = new ArrayList<>();
        for (JsonNode payout : client.ledger().path("records")) {
            outcomes.add(payout.path("status").asText() + " " + payout.path("resultCode").asInt() + " "
                    + payout.path("transactionId").asText() + " " + payout.path("conversationId").asText().substring(12));
        }
        client.close();
        return outcomes;
    }

    private int ledgerSize() {
        try {
            return client.ledger().path("records").size();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Faults faults(String json) throws IOException {
        return FaultsJson.merge(Faults.NONE, Json.MAPPER.readTree(json));
    }
}
