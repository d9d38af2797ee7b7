package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class B2cPaymentTest extends SimulatorTestBase {

    @Test
    void paysAndSendsOneSignedResultInTheDarajaShape() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();

        HttpResponse<String> response = client.b2c(token, SimulatorClient.b2cBody("pay-1", 1000, MSISDN, b2cResultUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = SimulatorClient.json(response);
        assertThat(ack.path("OriginatorConversationID").asText()).isEqualTo("pay-1");
        assertThat(ack.path("ConversationID").asText()).matches("AG_\\d{8}_[0-9a-f]{20}");
        assertThat(ack.path("ResponseCode").asText()).isEqualTo("0");
        assertThat(ack.path("ResponseDescription").asText()).isEqualTo("Accept the service request successfully.");

        CallbackReceiver.Received callback = receiver.next(B2C_RESULT);
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, callback.body(), callback.signature())).isTrue();
        assertThat(CallbackSignature.verify("another-secret", callback.body(), callback.signature())).isFalse();
        JsonNode result = callback.result();
        assertThat(result.path("ResultType").asInt(-1)).isZero();
        assertThat(result.path("ResultCode").isInt()).isTrue();
        assertThat(result.path("ResultCode").asInt(-1)).isZero();
        assertThat(result.path("ResultDesc").asText()).isEqualTo("The service request is processed successfully.");
        assertThat(result.path("OriginatorConversationID").asText()).isEqualTo("pay-1");
        assertThat(result.path("ConversationID").asText()).isEqualTo(ack.path("ConversationID").asText());
        assertThat(result.path("TransactionID").asText()).matches("[A-Z0-9]{10}");
        assertThat(parameterKeys(result)).containsExactly("TransactionAmount", "TransactionReceipt", "ReceiverPartyPublicName",
                "TransactionCompletedDateTime", "B2CUtilityAccountAvailableFunds", "B2CWorkingAccountAvailableFunds",
                "B2CRecipientIsRegisteredCustomer", "B2CChargesPaidAccountAvailableFunds");
        assertThat(callback.parameter("TransactionAmount").isIntegralNumber()).isTrue();
        assertThat(callback.parameter("TransactionAmount").asLong()).isEqualTo(1000);
        assertThat(callback.parameter("TransactionReceipt").asText()).isEqualTo(result.path("TransactionID").asText());
        assertThat(callback.parameter("ReceiverPartyPublicName").asText()).startsWith(MSISDN + " - ");
        assertThat(callback.parameter("TransactionCompletedDateTime").asText()).matches("\\d{2}\\.\\d{2}\\.\\d{4} \\d{2}:\\d{2}:\\d{2}");
        assertThat(callback.parameter("B2CUtilityAccountAvailableFunds").asLong())
                .isEqualTo(SimulatorConfig.DEFAULT_STARTING_FLOAT - 1000);
        assertThat(result.path("ReferenceData").path("ReferenceItem").path("Key").asText()).isEqualTo("QueueTimeoutURL");
        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(300));

        JsonNode ledger = client.ledger();
        assertThat(ledger.path("totalPaidOut").asLong()).isEqualTo(1000);
        assertThat(ledger.path("paidCount").asInt()).isEqualTo(1);
        JsonNode payout = ledger.path("records").get(0);
        assertThat(payout.path("originatorConversationId").asText()).isEqualTo("pay-1");
        assertThat(payout.path("status").asText()).isEqualTo("PAID");
        assertThat(payout.path("amount").asLong()).isEqualTo(1000);
        assertThat(payout.path("msisdn").asText()).isEqualTo(MSISDN);
        assertThat(payout.path("receipt").asText()).isEqualTo(result.path("TransactionID").asText());
        assertThat(payout.path("finalisedAt").asText()).isNotBlank();
    }

    @Test
    void aRepeatedOriginatorConversationIdNeverPaysTwice() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();

        JsonNode first = SimulatorClient.json(client.b2c(token, SimulatorClient.b2cBody("pay-2", 1000, MSISDN, b2cResultUrl())));
        // The repeat even asks for more money: the first request is the one that counts.
        JsonNode second = SimulatorClient.json(client.b2c(token, SimulatorClient.b2cBody("pay-2", 5000, MSISDN, b2cResultUrl())));

        assertThat(second.path("ConversationID").asText()).isEqualTo(first.path("ConversationID").asText());
        JsonNode firstResult = receiver.next(B2C_RESULT).json();
        JsonNode resentResult = receiver.next(B2C_RESULT).json();
        assertThat(resentResult).isEqualTo(firstResult);
        JsonNode ledger = client.ledger();
        assertThat(ledger.path("records")).hasSize(1);
        assertThat(ledger.path("totalPaidOut").asLong()).isEqualTo(1000);
        assertThat(ledger.path("records").get(0).path("timesRequested").asInt()).isEqualTo(2);
    }

    @Test
    void concurrentRepeatsOfOneOriginatorConversationIdPayOnce() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        ObjectNode body = SimulatorClient.b2cBody("pay-concurrent", 700, MSISDN, b2cResultUrl());

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(client.postAsync(B2cPaymentEndpoint.PATH, token, body));
        }

        List<String> conversationIds = responses.stream()
                .map(CompletableFuture::join)
                .map(response -> SimulatorClient.json(response).path("ConversationID").asText())
                .distinct().toList();
        assertThat(conversationIds).hasSize(1);
        JsonNode ledger = client.ledger();
        assertThat(ledger.path("totalPaidOut").asLong()).isEqualTo(700);
        assertThat(ledger.path("records").get(0).path("timesRequested").asInt()).isEqualTo(20);
    }

    @Test
    void refusesInvalidRequestsWithADarajaErrorAndPaysNothing() throws Exception {
        startSimulator(Faults.NONE);
        String token = client.token();
        ObjectNode missingResultUrl = SimulatorClient.b2cBody("bad-1", 1000, MSISDN, b2cResultUrl());
        missingResultUrl.remove("ResultURL");
        ObjectNode fractionalAmount = SimulatorClient.b2cBody("bad-4", 1000, MSISDN, b2cResultUrl());
        fractionalAmount.put("Amount", 10.5);

        assertRefused(token, missingResultUrl, "ResultURL");
        assertRefused(token, SimulatorClient.b2cBody("bad-2", 0, MSISDN, b2cResultUrl()), "Amount");
        assertRefused(token, SimulatorClient.b2cBody("bad-3", -5, MSISDN, b2cResultUrl()), "Amount");
        assertRefused(token, fractionalAmount, "Amount");
        assertRefused(token, SimulatorClient.b2cBody("bad-5", 1000, "0708374149", b2cResultUrl()), "PartyB");
        assertRefused(token, SimulatorClient.b2cBody("", 1000, MSISDN, b2cResultUrl()), "OriginatorConversationID");

        assertThat(client.ledger().path("records")).isEmpty();
        receiver.assertNothingArrives(B2C_RESULT, Duration.ofMillis(200));
    }

    @Test
    void amountsAsNumericStringsAreAccepted() throws Exception {
        startSimulator(Faults.NONE);
        ObjectNode body = SimulatorClient.b2cBody("pay-string", 0, MSISDN, b2cResultUrl());
        body.put("Amount", "250");

        assertThat(client.b2c(client.token(), body).statusCode()).isEqualTo(200);

        assertThat(receiver.next(B2C_RESULT).parameter("TransactionAmount").asLong()).isEqualTo(250);
    }

    @Test
    void aPayoutLargerThanTheFloatFailsWithInsufficientFundsAndTheBalanceShowsTheFloatMinusPayouts() throws Exception {
        startSimulator(config(42).withStartingFloat(1500));
        String token = client.token();

        client.b2c(token, SimulatorClient.b2cBody("pay-fits", 1000, MSISDN, b2cResultUrl()));
        client.b2c(token, SimulatorClient.b2cBody("pay-too-big", 1000, MSISDN, b2cResultUrl()));

        List<JsonNode> results = List.of(receiver.next(B2C_RESULT).result(), receiver.next(B2C_RESULT).result());
        JsonNode tooBig = results.stream().filter(r -> r.path("OriginatorConversationID").asText().equals("pay-too-big"))
                .findFirst().orElseThrow();
        assertThat(tooBig.path("ResultCode").asInt()).isEqualTo(ResultCodes.INSUFFICIENT_FUNDS);
        assertThat(tooBig.has("ResultParameters")).isFalse();
        JsonNode balance = client.get(AdminEndpoints.BALANCE_PATH);
        assertThat(balance.path("UtilityAccountAvailableFunds").asLong()).isEqualTo(500);
        assertThat(balance.path("AccountBalance").asText()).contains("Utility Account|KES|500.00|500.00");
        assertThat(client.ledger().path("totalPaidOut").asLong()).isEqualTo(1000);
    }

    private void assertRefused(String token, ObjectNode body, String field) throws Exception {
        HttpResponse<String> response = client.b2c(token, body);
        assertThat(response.statusCode()).as("status for bad %s", field).isEqualTo(400);
        JsonNode error = SimulatorClient.json(response);
        assertThat(error.path("errorCode").asText()).isEqualTo("400.002.02");
        assertThat(error.path("errorMessage").asText()).contains(field);
    }

    static List<String> parameterKeys(JsonNode result) {
        return StreamSupport.stream(result.path("ResultParameters").path("ResultParameter").spliterator(), false)
                .map(p -> p.path("Key").asText()).toList();
    }
}
