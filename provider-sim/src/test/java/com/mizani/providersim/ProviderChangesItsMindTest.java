package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The faults of a provider whose first word is not its last: a payout processed minutes after it was acknowledged,
 * a failure contradicted by a late payment, an amount other than requested, a reversal of a paid payout.
 */
class ProviderChangesItsMindTest extends SimulatorTestBase {

    @Test
    void aDelayedPayoutIsUnknownUntilItIsProcessedThenPaidWithALateResult() throws Exception {
        startSimulator(Faults.NONE.withDelayedSettlementRate(1.0).withSettlementDelayMs(1_500));
        String token = client.token();

        HttpResponse<String> ack = client.b2c(token, SimulatorClient.b2cBody("pay-late", 1000, MSISDN, b2cResultUrl()));

        assertThat(ack.statusCode()).isEqualTo(200);
        String conversationId = SimulatorClient.json(ack).path("ConversationID").asText();
        client.status(token, SimulatorClient.statusBody("pay-late", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).result().path("ResultCode").asInt()).isEqualTo(ResultCodes.NO_SUCH_PAYOUT);
        assertThat(client.ledger().path("recordCount").asLong()).isZero();
        assertThat(client.getResponse(AdminEndpoints.TRANSACTIONS_PATH + "pay-late").statusCode()).isEqualTo(404);
        // A repeat while it waits is acknowledged with the same ConversationID and processed nowhere else.
        HttpResponse<String> repeat = client.b2c(token, SimulatorClient.b2cBody("pay-late", 1000, MSISDN, b2cResultUrl()));
        assertThat(SimulatorClient.json(repeat).path("ConversationID").asText()).isEqualTo(conversationId);

        JsonNode result = receiver.next(B2C_RESULT, Duration.ofSeconds(10)).result();

        assertThat(result.path("ResultCode").asInt(-1)).isZero();
        assertThat(result.path("OriginatorConversationID").asText()).isEqualTo("pay-late");
        assertThat(result.path("ConversationID").asText()).isEqualTo(conversationId);
        assertThat(simulator.ledgerTotals().paidTotalMinor()).isEqualTo(100_000);
        client.status(token, SimulatorClient.statusBody("pay-late", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).parameter("TransactionStatus").asText()).isEqualTo("Completed");
        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(300));
    }

    @Test
    void aContradictionFailsThePayoutThenPaysItAfterAllWithAFreshReceipt() throws Exception {
        startSimulator(Faults.NONE.withContradictionRate(1.0).withContradictionDelayMs(500)
                .withFailureResultCode(ResultCodes.INITIATOR_INVALID));
        String token = client.token();

        client.b2c(token, SimulatorClient.b2cBody("pay-contra", 1000, MSISDN, b2cResultUrl()));

        JsonNode failure = receiver.next(B2C_RESULT).result();
        assertThat(failure.path("ResultCode").asInt()).isEqualTo(ResultCodes.INITIATOR_INVALID);
        assertThat(failure.has("ResultParameters")).isFalse();
        JsonNode success = receiver.next(B2C_RESULT, Duration.ofSeconds(10)).result();
        assertThat(success.path("ResultCode").asInt(-1)).isZero();
        assertThat(success.path("OriginatorConversationID").asText()).isEqualTo("pay-contra");
        assertThat(success.path("ConversationID").asText()).isEqualTo(failure.path("ConversationID").asText());
        String receipt = parameter(success, "TransactionReceipt").asText();
        assertThat(receipt).isNotBlank().isNotEqualTo(failure.path("TransactionID").asText());
        JsonNode payout = client.get(AdminEndpoints.TRANSACTIONS_PATH + "pay-contra");
        assertThat(payout.path("status").asText()).isEqualTo("PAID");
        assertThat(payout.path("receipt").asText()).isEqualTo(receipt);
        assertThat(simulator.ledgerTotals().paidTotalMinor()).isEqualTo(100_000);
        client.status(token, SimulatorClient.statusBody("pay-contra", statusResultUrl()));
        CallbackReceiver.Received status = receiver.next(STATUS_RESULT);
        assertThat(status.parameter("TransactionStatus").asText()).isEqualTo("Completed");
        assertThat(status.parameter("ReceiptNo").asText()).isEqualTo(receipt);
    }

    @Test
    void beforeItContradictsItselfTheFailedPayoutIsNotPaid() throws Exception {
        startSimulator(Faults.NONE.withContradictionRate(1.0).withContradictionDelayMs(30_000));
        String token = client.token();

        client.b2c(token, SimulatorClient.b2cBody("pay-contra2", 1000, MSISDN, b2cResultUrl()));

        assertThat(receiver.next(B2C_RESULT).result().path("ResultCode").asInt()).isEqualTo(ResultCodes.INSUFFICIENT_FUNDS);
        client.status(token, SimulatorClient.statusBody("pay-contra2", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).result().path("ResultCode").asInt()).isEqualTo(ResultCodes.NO_SUCH_PAYOUT);
        assertThat(simulator.ledgerTotals().paidCount()).isZero();
    }

    @Test
    void anAmountMismatchPaysMoreThanRequestedAndReportsWhatWasPaid() throws Exception {
        startSimulator(Faults.NONE.withAmountMismatchRate(1.0));
        String token = client.token();

        client.b2c(token, SimulatorClient.b2cBody("pay-more", 1000, MSISDN, b2cResultUrl()));

        long reported = parameter(receiver.next(B2C_RESULT).result(), "TransactionAmount").asLong();
        assertThat(reported).isBetween(1001L, 1000L + FaultDice.MAX_EXTRA_SHILLINGS);
        JsonNode payout = client.get(AdminEndpoints.TRANSACTIONS_PATH + "pay-more");
        assertThat(payout.path("amountMinor").asLong()).isEqualTo(reported * 100);
        assertThat(payout.path("requestedAmountMinor").asLong()).isEqualTo(100_000);
        assertThat(simulator.ledgerTotals().paidTotalMinor()).isEqualTo(reported * 100);
        client.status(token, SimulatorClient.statusBody("pay-more", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).parameter("Amount").asLong()).isEqualTo(reported);
    }

    @Test
    void aReversalTakesAPaidPayoutOutOfTheBooksAndSendsAFailureResult() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        client.b2c(token, SimulatorClient.b2cBody("pay-rev", 1000, MSISDN, b2cResultUrl()));
        JsonNode paid = receiver.next(B2C_RESULT).result();

        HttpResponse<String> reversed = client.post(AdminEndpoints.PAYOUTS_PATH + "pay-rev/reverse", null, Json.object());

        assertThat(reversed.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(reversed).path("status").asText()).isEqualTo("REVERSED");
        CallbackReceiver.Received reversal = receiver.next(B2C_RESULT);
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, reversal.body(), reversal.signature())).isTrue();
        JsonNode result = reversal.result();
        assertThat(result.path("ResultCode").asInt()).isEqualTo(ResultCodes.REVERSED);
        assertThat(result.path("OriginatorConversationID").asText()).isEqualTo("pay-rev");
        assertThat(result.path("ConversationID").asText()).isEqualTo(paid.path("ConversationID").asText());
        LedgerTotals totals = simulator.ledgerTotals();
        assertThat(totals.paidCount()).isZero();
        assertThat(totals.paidTotalMinor()).isZero();
        assertThat(totals.balanceMinor()).isEqualTo(floatMinor());
        client.status(token, SimulatorClient.statusBody("pay-rev", statusResultUrl()));
        assertThat(receiver.next(STATUS_RESULT).result().path("ResultCode").asInt()).isEqualTo(ResultCodes.NO_SUCH_PAYOUT);
        // Twice is refused: it is no longer paid. An unknown payout is not found.
        assertThat(client.post(AdminEndpoints.PAYOUTS_PATH + "pay-rev/reverse", null, Json.object()).statusCode()).isEqualTo(409);
        HttpResponse<String> unknown = client.post(AdminEndpoints.PAYOUTS_PATH + "no-such-payout/reverse", null, Json.object());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(unknown).path("errorCode").asText()).isEqualTo("404.001.01");
    }

    @Test
    void theLedgerPagesThroughEveryPayoutAfterASequence() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        for (int i = 0; i < 5; i++) {
            client.b2c(token, SimulatorClient.b2cBody("page-" + i, 100 + i, MSISDN, b2cResultUrl()));
        }

        JsonNode first = client.get(AdminEndpoints.LEDGER_PATH + "?direction=PAID&after=0&limit=3");
        JsonNode second = client.get(AdminEndpoints.LEDGER_PATH + "?direction=PAID&after="
                + first.path("nextAfter").asLong() + "&limit=3");

        assertThat(first.path("records").findValuesAsText("originatorConversationId")).containsExactly("page-0", "page-1", "page-2");
        assertThat(second.path("records").findValuesAsText("originatorConversationId")).containsExactly("page-3", "page-4");
        assertThat(second.path("nextAfter").isNull()).isTrue();
        List<PayoutLine> lines = simulator.payouts(0, 10);
        assertThat(lines).extracting(PayoutLine::originatorConversationId)
                .containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
        assertThat(lines.get(4).amountPaidMinor()).isEqualTo(10_400);
        assertThat(lines.get(4).receipt()).isEqualTo(second.path("records").get(1).path("receipt").asText());
        assertThat(simulator.payouts(lines.get(3).sequence(), 10)).extracting(PayoutLine::originatorConversationId)
                .containsExactly("page-4");
        assertThat(client.getResponse(AdminEndpoints.LEDGER_PATH + "?after=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void theNewKnobsAreValidated() throws Exception {
        startSimulator(Faults.NONE);

        HttpResponse<String> changed = client.post(AdminEndpoints.FAULTS_PATH, null, Json.MAPPER.readTree("""
                {"delayedSettlementRate": 0.1, "settlementDelayMs": 60000, "contradictionRate": 0.2,
                 "contradictionDelayMs": 100, "amountMismatchRate": 0.3}"""));

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(simulator.faults()).isEqualTo(Faults.NONE.withDelayedSettlementRate(0.1).withSettlementDelayMs(60_000)
                .withContradictionRate(0.2).withContradictionDelayMs(100).withAmountMismatchRate(0.3));
        for (String bad : List.of("{\"delayedSettlementRate\": 1.5}", "{\"settlementDelayMs\": -1}",
                "{\"contradictionRate\": -0.1}", "{\"contradictionDelayMs\": -5}", "{\"amountMismatchRate\": 2}")) {
            assertThat(client.post(AdminEndpoints.FAULTS_PATH, null, Json.MAPPER.readTree(bad)).statusCode()).as(bad).isEqualTo(400);
        }
        assertThatThrownBy(() -> Faults.NONE.withAmountMismatchRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Faults.NONE.settlementDelayMs()).isEqualTo(30_000);
        assertThat(Faults.NONE.contradictionDelayMs()).isEqualTo(2_000);
    }

    private static JsonNode parameter(JsonNode result, String key) {
        for (JsonNode parameter : result.path("ResultParameters").path("ResultParameter")) {
            if (parameter.path("Key").asText().equals(key)) {
                return parameter.path("Value");
            }
        }
        throw new AssertionError("no ResultParameter " + key + " in " + result);
    }
}
