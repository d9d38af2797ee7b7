package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** The calls a payment adapter makes, in Daraja shapes, against a running simulator. */
final class SimulatorClient implements AutoCloseable {

    static final String CONSUMER_KEY = "mizani";
    static final String CONSUMER_SECRET = "consumer-secret";
    static final String CALLBACK_SECRET = "s3cret";

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimulatorClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> requestToken(String key, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((key + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(base.resolve("/oauth/v1/generate?grant_type=client_credentials"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String token() throws IOException, InterruptedException {
        return json(requestToken(CONSUMER_KEY, CONSUMER_SECRET)).path("access_token").asText();
    }

    HttpResponse<String> post(String path, String bearer, JsonNode body, Duration timeout) throws IOException, InterruptedException {
        return http.send(postRequest(path, bearer, body, timeout), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String bearer, JsonNode body) throws IOException, InterruptedException {
        return post(path, bearer, body, Duration.ofSeconds(5));
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String bearer, JsonNode body) {
        return http.sendAsync(postRequest(path, bearer, body, Duration.ofSeconds(5)), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> b2c(String bearer, JsonNode body) throws IOException, InterruptedException {
        return post(B2cPaymentEndpoint.PATH, bearer, body);
    }

    HttpResponse<String> status(String bearer, JsonNode body) throws IOException, InterruptedException {
        return post(TransactionStatusEndpoint.PATH, bearer, body);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return json(http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    JsonNode ledger() throws IOException, InterruptedException {
        return get(AdminEndpoints.LEDGER_PATH);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** A B2C body exactly as daraja.md shows it. */
    static ObjectNode b2cBody(String originatorId, long amount, String msisdn, String resultUrl) {
        ObjectNode body = Json.object();
        body.put("OriginatorConversationID", originatorId);
        body.put("InitiatorName", "apiop");
        body.put("SecurityCredential", "credential");
        body.put("CommandID", "BusinessPayment");
        body.put("Amount", amount);
        body.put("PartyA", "600996");
        body.put("PartyB", msisdn);
        body.put("Remarks", "withdrawal");
        body.put("QueueTimeOutURL", resultUrl.replace("/result", "/timeout"));
        body.put("ResultURL", resultUrl);
        body.put("Occasion", "");
        return body;
    }

    /** A transaction status query body exactly as daraja.md shows it. */
    static ObjectNode statusBody(String originatorId, String resultUrl) {
        ObjectNode body = Json.object();
        body.put("Initiator", "apiop");
        body.put("SecurityCredential", "credential");
        body.put("CommandID", "TransactionStatusQuery");
        body.put("TransactionID", "");
        body.put("OriginatorConversationID", originatorId);
        body.put("PartyA", "600996");
        body.put("IdentifierType", "4");
        body.put("ResultURL", resultUrl);
        body.put("QueueTimeOutURL", resultUrl.replace("/result", "/timeout"));
        body.put("Remarks", "status");
        body.put("Occasion", "");
        return body;
    }

    private HttpRequest postRequest(String path, String bearer, JsonNode body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
