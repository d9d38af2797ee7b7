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

    HttpResponse<String> stkPush(String bearer, JsonNode body) throws IOException, InterruptedException {
        return post(StkPushEndpoint.PATH, bearer, body);
    }

    HttpResponse<String> stkQuery(String bearer, String checkoutRequestId) throws IOException, InterruptedException {
        return post(StkQueryEndpoint.PATH, bearer, stkQueryBody(checkoutRequestId));
    }

    HttpResponse<String> getResponse(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return json(getResponse(path));
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

    /** An STK push body exactly as daraja.md lists its fields. */
    static ObjectNode stkPushBody(long amount, String msisdn, String callbackUrl) {
        ObjectNode body = Json.object();
        body.put("BusinessShortCode", "174379");
        body.put("Password", "MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjQwNzE5MTIwMDAw");
        body.put("Timestamp", "20240719120000");
        body.put("TransactionType", "CustomerPayBillOnline");
        body.put("Amount", amount);
        body.put("PartyA", msisdn);
        body.put("PartyB", "174379");
        body.put("PhoneNumber", msisdn);
        body.put("CallBackURL", callbackUrl);
        body.put("AccountReference", "wallet-42");
        body.put("TransactionDesc", "deposit");
        return body;
    }

    static ObjectNode stkQueryBody(String checkoutRequestId) {
        ObjectNode body = Json.object();
        body.put("BusinessShortCode", "174379");
        body.put("Password", "cGFzc3dvcmQ=");
        body.put("Timestamp", "20240719120500");
        body.put("CheckoutRequestID", checkoutRequestId);
        return body;
    }

    static ObjectNode c2bRegisterBody(String shortCode, String confirmationUrl, String validationUrl) {
        ObjectNode body = Json.object();
        body.put("ShortCode", shortCode);
        body.put("ResponseType", "Completed");
        body.put("ConfirmationURL", confirmationUrl);
        body.put("ValidationURL", validationUrl);
        return body;
    }

    static ObjectNode c2bSimulateBody(String shortCode, long amount, String msisdn, String billRefNumber) {
        ObjectNode body = Json.object();
        body.put("ShortCode", shortCode);
        body.put("CommandID", "CustomerPayBillOnline");
        body.put("Amount", amount);
        body.put("Msisdn", msisdn);
        body.put("BillRefNumber", billRefNumber);
        return body;
    }

    static ObjectNode accountBalanceBody(String resultUrl) {
        ObjectNode body = Json.object();
        body.put("Initiator", "apiop");
        body.put("SecurityCredential", "credential");
        body.put("CommandID", "AccountBalance");
        body.put("PartyA", "600996");
        body.put("IdentifierType", "4");
        body.put("Remarks", "balance");
        body.put("QueueTimeOutURL", resultUrl.replace("/result", "/timeout"));
        body.put("ResultURL", resultUrl);
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
