package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class StkPushTest extends SimulatorTestBase {

    @Test
    void anApprovedPushReceivesTheMoneyAndCallsBackSignedInTheDarajaShape() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();

        HttpResponse<String> response = client.stkPush(token, SimulatorClient.stkPushBody(1500, MSISDN, stkCallbackUrl("dep-1")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = SimulatorClient.json(response);
        assertThat(ack.path("MerchantRequestID").asText()).matches("\\d{5}-\\d{8}-\\d");
        assertThat(ack.path("CheckoutRequestID").asText()).matches("ws_CO_\\d{24}");
        assertThat(ack.path("ResponseCode").asText()).isEqualTo("0");
        assertThat(ack.path("ResponseDescription").asText()).isEqualTo("Success. Request accepted for processing");
        assertThat(ack.path("CustomerMessage").asText()).isEqualTo("Success. Request accepted for processing");

        CallbackReceiver.Received callback = receiver.next(stkCallbackPath("dep-1"));
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, callback.body(), callback.signature())).isTrue();
        JsonNode stk = callback.json().path("Body").path("stkCallback");
        assertThat(stk.path("MerchantRequestID").asText()).isEqualTo(ack.path("MerchantRequestID").asText());
        assertThat(stk.path("CheckoutRequestID").asText()).isEqualTo(ack.path("CheckoutRequestID").asText());
        assertThat(stk.path("ResultCode").isInt()).isTrue();
        assertThat(stk.path("ResultCode").asInt(-1)).isZero();
        assertThat(stk.path("ResultDesc").asText()).isEqualTo("The service request is processed successfully.");
        JsonNode items = stk.path("CallbackMetadata").path("Item");
        assertThat(StreamSupport.stream(items.spliterator(), false).map(item -> item.path("Name").asText()))
                .containsExactly("Amount", "MpesaReceiptNumber", "Balance", "TransactionDate", "PhoneNumber");
        // Daraja writes the amount with two decimals.
        assertThat(new String(callback.body(), StandardCharsets.UTF_8)).contains("{\"Name\":\"Amount\",\"Value\":1500.00}");
        assertThat(items.get(0).path("Value").isNumber()).isTrue();
        String receipt = items.get(1).path("Value").asText();
        assertThat(receipt).matches("[A-Z0-9]{10}");
        assertThat(items.get(2).has("Value")).as("Balance has no value").isFalse();
        assertThat(items.get(3).path("Value").isIntegralNumber()).isTrue();
        assertThat(items.get(3).path("Value").asText()).matches("20\\d{12}");
        assertThat(items.get(4).path("Value").isIntegralNumber()).isTrue();
        assertThat(items.get(4).path("Value").asLong()).isEqualTo(Long.parseLong(MSISDN));
        receiver.assertNothingArrives(stkCallbackPath("dep-1"), Duration.ofMillis(300));

        JsonNode ledger = client.ledger();
        assertThat(ledger.path("receivedCount").asLong()).isEqualTo(1);
        assertThat(ledger.path("receivedTotalMinor").asLong()).isEqualTo(150_000);
        assertThat(ledger.path("balanceMinor").asLong()).isEqualTo(floatMinor() + 150_000);
        JsonNode record = ledger.path("records").get(0);
        assertThat(record.path("direction").asText()).isEqualTo("RECEIVED");
        assertThat(record.path("kind").asText()).isEqualTo("STK");
        assertThat(record.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(record.path("amountMinor").asLong()).isEqualTo(150_000);
        assertThat(record.path("msisdn").asText()).isEqualTo(MSISDN);
        assertThat(record.path("receipt").asText()).isEqualTo(receipt);
        assertThat(record.path("billRefNumber").asText()).isEqualTo("wallet-42");
        assertThat(record.path("checkoutRequestId").asText()).isEqualTo(ack.path("CheckoutRequestID").asText());
        assertThat(simulator.ledgerTotals()).isEqualTo(new LedgerTotals(0, 0, 1, 150_000, floatMinor() + 150_000));
    }

    @Test
    void aCancelledPushCallsBackWith1032AndReceivesNothing() throws Exception {
        startSimulator(Faults.NONE.withStkCancelRate(1.0));

        client.stkPush(client.token(), SimulatorClient.stkPushBody(1500, MSISDN, stkCallbackUrl("dep-c")));

        JsonNode stk = receiver.next(stkCallbackPath("dep-c")).json().path("Body").path("stkCallback");
        assertThat(stk.path("ResultCode").asInt()).isEqualTo(ResultCodes.CANCELLED_BY_USER);
        assertThat(stk.path("ResultDesc").asText()).isEqualTo("Request cancelled by user");
        assertThat(stk.has("CallbackMetadata")).isFalse();
        JsonNode ledger = client.ledger();
        assertThat(ledger.path("receivedCount").asLong()).isZero();
        assertThat(ledger.path("balanceMinor").asLong()).isEqualTo(floatMinor());
        assertThat(ledger.path("failedCount").asLong()).isEqualTo(1);
        JsonNode record = ledger.path("records").get(0);
        assertThat(record.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(record.path("resultCode").asInt()).isEqualTo(1032);
        assertThat(record.path("receipt").isNull()).isTrue();
    }

    @Test
    void theFailureFaultGivesADefinitiveFailureCallbackEvenWhenTheCustomerWouldCancel() throws Exception {
        startSimulator(Faults.NONE.withFailureRate(1.0, ResultCodes.TIMEOUT).withStkCancelRate(1.0));

        client.stkPush(client.token(), SimulatorClient.stkPushBody(800, MSISDN, stkCallbackUrl("dep-f")));

        JsonNode stk = receiver.next(stkCallbackPath("dep-f")).json().path("Body").path("stkCallback");
        assertThat(stk.path("ResultCode").asInt()).isEqualTo(1037);
        assertThat(stk.has("CallbackMetadata")).isFalse();
        assertThat(client.ledger().path("records").get(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(simulator.ledgerTotals().receivedCount()).isZero();
    }

    @Test
    void aRepeatedPushWithTheSameCallbackUrlGetsTheSameIdsAndTheOriginalCallbackAndNeverChargesTwice() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();

        JsonNode first = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(1000, MSISDN, stkCallbackUrl("dep-2"))));
        // The repeat even asks for more: the first push is the one that counts.
        JsonNode second = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(9000, MSISDN, stkCallbackUrl("dep-2"))));
        JsonNode other = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(1000, MSISDN, stkCallbackUrl("dep-3"))));

        assertThat(second.path("MerchantRequestID").asText()).isEqualTo(first.path("MerchantRequestID").asText());
        assertThat(second.path("CheckoutRequestID").asText()).isEqualTo(first.path("CheckoutRequestID").asText());
        assertThat(other.path("CheckoutRequestID").asText()).isNotEqualTo(first.path("CheckoutRequestID").asText());
        CallbackReceiver.Received original = receiver.next(stkCallbackPath("dep-2"));
        CallbackReceiver.Received resent = receiver.next(stkCallbackPath("dep-2"));
        assertThat(resent.body()).isEqualTo(original.body());
        receiver.next(stkCallbackPath("dep-3"));
        assertThat(simulator.ledgerTotals().receivedCount()).isEqualTo(2);
        assertThat(simulator.ledgerTotals().receivedTotalMinor()).isEqualTo(200_000);
        JsonNode record = client.get(AdminEndpoints.TRANSACTIONS_PATH + first.path("CheckoutRequestID").asText());
        assertThat(record.path("timesRequested").asInt()).isEqualTo(2);
        assertThat(record.path("amountMinor").asLong()).isEqualTo(100_000);
    }

    @Test
    void concurrentRepeatsOfOnePushChargeOnce() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        ObjectNode body = SimulatorClient.stkPushBody(700, MSISDN, stkCallbackUrl("dep-concurrent"));

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(client.postAsync(StkPushEndpoint.PATH, token, body));
        }

        assertThat(responses.stream().map(CompletableFuture::join)
                .map(response -> SimulatorClient.json(response).path("CheckoutRequestID").asText()).distinct()).hasSize(1);
        assertThat(simulator.ledgerTotals().receivedTotalMinor()).isEqualTo(70_000);
        assertThat(client.ledger().path("records").get(0).path("timesRequested").asInt()).isEqualTo(20);
    }

    @Test
    void refusesInvalidPushesWithADarajaErrorAndChargesNothing() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        ObjectNode noCallback = SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("bad"));
        noCallback.remove("CallBackURL");
        ObjectNode fractional = SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("bad"));
        fractional.put("Amount", "10.5");
        ObjectNode badTimestamp = SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("bad"));
        badTimestamp.put("Timestamp", "2024-07-19 12:00");
        ObjectNode badType = SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("bad"));
        badType.put("TransactionType", "BusinessPayment");
        ObjectNode noReference = SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("bad"));
        noReference.remove("AccountReference");
        ObjectNode badPartyA = SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("bad"));
        badPartyA.put("PartyA", "600996");

        assertRefused(token, noCallback, "CallBackURL");
        assertRefused(token, SimulatorClient.stkPushBody(0, MSISDN, stkCallbackUrl("bad")), "Amount");
        assertRefused(token, fractional, "Amount");
        assertRefused(token, SimulatorClient.stkPushBody(100, "0708374149", stkCallbackUrl("bad")), "PartyA");
        assertRefused(token, SimulatorClient.stkPushBody(100, "25470837414", stkCallbackUrl("bad")), "PartyA");
        assertRefused(token, badTimestamp, "Timestamp");
        assertRefused(token, badType, "TransactionType");
        assertRefused(token, noReference, "AccountReference");
        assertRefused(token, badPartyA, "PartyA");

        assertThat(client.ledger().path("recordCount").asLong()).isZero();
        receiver.assertNothingArrives(stkCallbackPath("bad"), Duration.ofMillis(200));
    }

    @Test
    void anAmountAsANumericStringIsAccepted() throws Exception {
        startSimulator(Faults.NONE);
        ObjectNode body = SimulatorClient.stkPushBody(0, MSISDN, stkCallbackUrl("dep-string"));
        body.put("Amount", "250");

        assertThat(client.stkPush(client.token(), body).statusCode()).isEqualTo(200);

        assertThat(simulator.ledgerTotals().receivedTotalMinor()).isEqualTo(25_000);
    }

    @Test
    void theStkQueryAnswersSynchronouslyForApprovedCancelledAndUnknownPushes() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        String approved = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("q-1"))))
                .path("CheckoutRequestID").asText();
        simulator.setFaults(Faults.NONE.withStkCancelRate(1.0));
        JsonNode cancelledAck = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("q-2"))));
        simulator.setFaults(Faults.NONE);

        HttpResponse<String> approvedAnswer = client.stkQuery(token, approved);
        HttpResponse<String> cancelledAnswer = client.stkQuery(token, cancelledAck.path("CheckoutRequestID").asText());
        HttpResponse<String> unknownAnswer = client.stkQuery(token, "ws_CO_000000000000000000000000");

        assertThat(approvedAnswer.statusCode()).isEqualTo(200);
        JsonNode answer = SimulatorClient.json(approvedAnswer);
        assertThat(answer.path("ResponseCode").asText()).isEqualTo("0");
        assertThat(answer.path("ResponseDescription").asText()).isEqualTo("The service request has been accepted successsfully");
        assertThat(answer.path("CheckoutRequestID").asText()).isEqualTo(approved);
        assertThat(answer.path("MerchantRequestID").asText()).isNotBlank();
        assertThat(answer.path("ResultCode").isTextual()).isTrue();
        assertThat(answer.path("ResultCode").asText()).isEqualTo("0");
        assertThat(answer.path("ResultDesc").asText()).isEqualTo("The service request is processed successfully.");
        JsonNode cancelled = SimulatorClient.json(cancelledAnswer);
        assertThat(cancelled.path("ResultCode").asText()).isEqualTo("1032");
        assertThat(cancelled.path("ResultDesc").asText()).isEqualTo("Request cancelled by user");
        assertThat(cancelled.path("MerchantRequestID").asText()).isEqualTo(cancelledAck.path("MerchantRequestID").asText());
        assertThat(unknownAnswer.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(unknownAnswer).path("errorCode").asText()).isEqualTo("404.001.01");
        assertThat(SimulatorClient.json(unknownAnswer).path("errorMessage").asText()).isEqualTo("No STK push with this CheckoutRequestID");
        ObjectNode noId = SimulatorClient.stkQueryBody("");
        assertThat(client.post(StkQueryEndpoint.PATH, token, noId).statusCode()).isEqualTo(400);
        assertThat(client.post(StkQueryEndpoint.PATH, null, SimulatorClient.stkQueryBody(approved)).statusCode()).isEqualTo(401);
    }

    @Test
    void theServerErrorFaultAppliesToTheStkQuery() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        String checkoutId = SimulatorClient.json(client.stkPush(token, SimulatorClient.stkPushBody(100, MSISDN, stkCallbackUrl("q-3"))))
                .path("CheckoutRequestID").asText();
        simulator.setFaults(Faults.NONE.withServerErrorRate(1.0));

        assertThat(client.stkQuery(token, checkoutId).statusCode()).isIn(500, 503);
    }

    @Test
    void afterATimedOutPushTheAppFindsItByItsCallbackUrl() throws Exception {
        startSimulator(Faults.NONE.withTimeoutRate(1.0).withTimeoutHoldMs(20_000));
        String token = client.token();
        String callbackUrl = stkCallbackUrl("dep-timeout");

        assertThatThrownBy(() -> client.post(StkPushEndpoint.PATH, token,
                SimulatorClient.stkPushBody(1200, MSISDN, callbackUrl), Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);

        String lookup = AdminEndpoints.STK_PATH + "?callbackUrl=" + URLEncoder.encode(callbackUrl, StandardCharsets.UTF_8);
        Await.until("the push to be found by its callback URL", Duration.ofSeconds(5), () -> status(lookup) == 200);
        JsonNode push = client.get(lookup);
        assertThat(push.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(push.path("amountMinor").asLong()).isEqualTo(120_000);
        assertThat(push.path("receipt").asText()).matches("[A-Z0-9]{10}");
        assertThat(push.path("callbackUrl").asText()).isEqualTo(callbackUrl);
        String checkoutId = push.path("checkoutRequestId").asText();
        assertThat(checkoutId).startsWith("ws_CO_");
        assertThat(push.path("merchantRequestId").asText()).isNotBlank();
        // With the id found, the Daraja query works as for any push.
        simulator.setFaults(Faults.NONE);
        assertThat(SimulatorClient.json(client.stkQuery(token, checkoutId)).path("ResultCode").asText()).isEqualTo("0");

        HttpResponse<String> unknown = client.getResponse(AdminEndpoints.STK_PATH + "?callbackUrl="
                + URLEncoder.encode(stkCallbackUrl("never-pushed"), StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(SimulatorClient.json(unknown).path("errorCode").asText()).isEqualTo("404.001.01");
        assertThat(client.getResponse(AdminEndpoints.STK_PATH).statusCode()).isEqualTo(400);
    }

    private int status(String path) {
        try {
            return client.getResponse(path).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefused(String token, ObjectNode body, String field) throws Exception {
        HttpResponse<String> response = client.stkPush(token, body);
        assertThat(response.statusCode()).as("status for bad %s", field).isEqualTo(400);
        JsonNode error = SimulatorClient.json(response);
        assertThat(error.path("errorCode").asText()).isEqualTo("400.002.02");
        assertThat(error.path("errorMessage").asText()).contains(field);
    }
}
