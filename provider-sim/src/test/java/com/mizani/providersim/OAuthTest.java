package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest extends SimulatorTestBase {

    @BeforeEach
    void start() throws Exception {
        startSimulator(Faults.NONE);
    }

    @Test
    void issuesABearerTokenForTheConfiguredConsumerCredentials() throws Exception {
        HttpResponse<String> response = client.requestToken(SimulatorClient.CONSUMER_KEY, SimulatorClient.CONSUMER_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = SimulatorClient.json(response);
        assertThat(body.path("access_token").asText()).isNotBlank();
        // Daraja sends expires_in as a string.
        assertThat(body.path("expires_in").isTextual()).isTrue();
        assertThat(body.path("expires_in").asText()).isEqualTo("3599");
    }

    @Test
    void refusesWrongConsumerCredentials() throws Exception {
        assertThat(client.requestToken(SimulatorClient.CONSUMER_KEY, "wrong").statusCode()).isEqualTo(401);
        assertThat(client.requestToken("wrong", SimulatorClient.CONSUMER_SECRET).statusCode()).isEqualTo(401);
        assertThat(SimulatorClient.json(client.requestToken("wrong", "wrong")).path("errorCode").asText()).isNotBlank();
    }

    @Test
    void refusesTransactionCallsWithoutAValidBearerToken() throws Exception {
        var body = SimulatorClient.b2cBody("pay-unauth", 1000, MSISDN, b2cResultUrl());

        HttpResponse<String> noToken = client.b2c(null, body);
        HttpResponse<String> forgedToken = client.b2c("not-a-token", body);
        HttpResponse<String> statusNoToken = client.status(null, SimulatorClient.statusBody("pay-unauth", statusResultUrl()));

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(forgedToken.statusCode()).isEqualTo(401);
        assertThat(statusNoToken.statusCode()).isEqualTo(401);
        JsonNode error = SimulatorClient.json(noToken);
        assertThat(error.path("errorCode").asText()).isEqualTo("404.001.03");
        assertThat(error.path("errorMessage").asText()).isEqualTo("Invalid Access Token");
        assertThat(error.path("requestId").asText()).isNotBlank();
        assertThat(client.ledger().path("records")).isEmpty();
    }
}
