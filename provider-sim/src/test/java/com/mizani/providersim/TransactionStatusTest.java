package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionStatusTest extends SimulatorTestBase {

    private String token;

    @BeforeEach
    void start() throws Exception {
        startSimulator(Faults.NONE);
        token = client.token();
    }

    @Test
    void reportsAPayoutItMadeAsCompletedWithItsReceipt() throws Exception {
        client.b2c(token, SimulatorClient.b2cBody("pay-s1", 1200, MSISDN, b2cResultUrl()));
        String receipt = receiver.next(B2C_RESULT).parameter("TransactionReceipt").asText();

        HttpResponse<String> response = client.status(token, SimulatorClient.statusBody("pay-s1", statusResultUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SimulatorClient.json(response).path("ResponseCode").asText()).isEqualTo("0");
        CallbackReceiver.Received callback = receiver.next(STATUS_RESULT);
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, callback.body(), callback.signature())).isTrue();
        assertThat(callback.result().path("ResultCode").asInt(-1)).isZero();
        assertThat(callback.result().path("OriginatorConversationID").asText()).isEqualTo("pay-s1");
        assertThat(callback.parameter("TransactionStatus").asText()).isEqualTo("Completed");
        assertThat(callback.parameter("ReceiptNo").asText()).isEqualTo(receipt);
        assertThat(callback.parameter("Amount").asLong()).isEqualTo(1200);
        assertThat(callback.parameter("FinalisedTime").asText()).matches("\\d{14}");
    }

    @Test
    void answersDefinitivelyNotFoundForAnIdItNeverPaid() throws Exception {
        HttpResponse<String> response = client.status(token, SimulatorClient.statusBody("never-seen", statusResultUrl()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode result = receiver.next(STATUS_RESULT).result();
        assertThat(result.path("ResultCode").asInt()).isEqualTo(ResultCodes.NO_SUCH_PAYOUT);
        assertThat(result.path("ResultDesc").asText()).isEqualTo("No payout was made for this OriginatorConversationID.");
        assertThat(result.path("OriginatorConversationID").asText()).isEqualTo("never-seen");
        assertThat(result.has("ResultParameters")).isFalse();
    }

    @Test
    void refusesAQueryWithoutAnyIdentifier() throws Exception {
        var body = SimulatorClient.statusBody("", statusResultUrl());

        HttpResponse<String> response = client.status(token, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errorMessage").asText()).contains("OriginatorConversationID");
    }
}
