package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountBalanceTest extends SimulatorTestBase {

    private String token;

    @BeforeEach
    void start() throws Exception {
        startSimulator(config(42).withStartingFloat(900_000));
        token = client.token();
    }

    @Test
    void theBalanceQueryCallsBackWithDarajasAccountBalanceStringOfTheFloatMinusPaidPlusReceived() throws Exception {
        client.b2c(token, SimulatorClient.b2cBody("pay-b1", 1000, MSISDN, b2cResultUrl()));
        client.stkPush(token, SimulatorClient.stkPushBody(250, MSISDN, stkCallbackUrl("dep-b1")));

        HttpResponse<String> response = client.post(AccountBalanceEndpoint.PATH, token,
                SimulatorClient.accountBalanceBody(receiver.url(BALANCE_RESULT)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode ack = SimulatorClient.json(response);
        assertThat(ack.path("ResponseCode").asText()).isEqualTo("0");
        assertThat(ack.path("ConversationID").asText()).matches("AG_\\d{8}_[0-9a-f]{20}");
        assertThat(ack.path("OriginatorConversationID").asText()).isNotBlank();
        CallbackReceiver.Received callback = receiver.next(BALANCE_RESULT);
        assertThat(CallbackSignature.verify(SimulatorClient.CALLBACK_SECRET, callback.body(), callback.signature())).isTrue();
        JsonNode result = callback.result();
        assertThat(result.path("ResultType").asInt(-1)).isZero();
        assertThat(result.path("ResultCode").asInt(-1)).isZero();
        assertThat(result.path("ConversationID").asText()).isEqualTo(ack.path("ConversationID").asText());
        assertThat(result.path("OriginatorConversationID").asText()).isEqualTo(ack.path("OriginatorConversationID").asText());
        assertThat(B2cPaymentTest.parameterKeys(result)).containsExactly("AccountBalance", "BOCompletedTime");
        assertThat(callback.parameter("AccountBalance").asText())
                .isEqualTo("Working Account|KES|0.00|0.00|0.00|0.00&Utility Account|KES|899250.00|899250.00|0.00|0.00");
        assertThat(callback.parameter("BOCompletedTime").asText()).matches("20\\d{12}");

        JsonNode balance = client.get(AdminEndpoints.BALANCE_PATH);
        assertThat(balance.path("balance").asText()).isEqualTo("899250.00");
        assertThat(balance.path("balanceMinor").asLong()).isEqualTo(89_925_000);
        assertThat(balance.path("UtilityAccountAvailableFunds").asLong()).isEqualTo(899_250);
        assertThat(balance.path("AccountBalance").asText()).isEqualTo(callback.parameter("AccountBalance").asText());
        assertThat(simulator.ledgerTotals().balanceMinor()).isEqualTo(89_925_000);
    }

    @Test
    void refusesAnInvalidQuery() throws Exception {
        var body = SimulatorClient.accountBalanceBody(receiver.url(BALANCE_RESULT));
        body.put("CommandID", "TransactionStatusQuery");

        HttpResponse<String> response = client.post(AccountBalanceEndpoint.PATH, token, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(SimulatorClient.json(response).path("errorMessage").asText()).contains("CommandID");
        assertThat(client.post(AccountBalanceEndpoint.PATH, null, SimulatorClient.accountBalanceBody(receiver.url(BALANCE_RESULT)))
                .statusCode()).isEqualTo(401);
    }
}
