package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.providersim.CallbackSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The harness's HTTP client: one connection pool shared by all workers, HTTP/1.1 as most clients speak it. Against
 * the app it either carries the bearer token of the harness's own client ({@link #authenticated}) or, when the app
 * runs with authentication off, names its idempotency namespace with {@code X-Client-Id} as clients did before
 * authentication ({@link #unauthenticated}).
 */
final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT_ID_HEADER = "X-Client-Id";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The app's {@code mizani.api.batch-wait-ms} default: how long a batch's answer may wait for its items. */
    private static final Duration APP_BATCH_WAIT = Duration.ofSeconds(30);

    private final String base;
    private final BearerTokens tokens;
    private final String clientIdHeader;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    /** A client that sends no credentials: for the simulator, and for the public paths of the app. */
    Client(String base) {
        this(base, null, null);
    }

    private Client(String base, BearerTokens tokens, String clientIdHeader) {
        this.base = base;
        this.tokens = tokens;
        this.clientIdHeader = clientIdHeader;
    }

    /** Every request carries the current token of {@code tokens}; one refused with 401 is sent once more. */
    static Client authenticated(String base, BearerTokens tokens) {
        return new Client(base, tokens, null);
    }

    /** For an app started with {@code mizani.security.enabled=false}: no token, {@code X-Client-Id} instead. */
    static Client unauthenticated(String base, String clientId) {
        return new Client(base, null, clientId);
    }

    /**
     * @param location   the answer's {@code Location} header, null if it has none
     * @param retryAfter the answer's {@code Retry-After} header as sent, null if it has none
     */
    record Answer(int status, String body, String location, String retryAfter) {
        Answer(int status, String body) {
            this(status, body, null, null);
        }

        /** How long the answer asks the client to wait before asking again; {@code otherwise} if it does not say. */
        Duration retryAfterOr(Duration otherwise) {
            // The app sends whole seconds; an HTTP date, which RFC 9110 also allows, it never sends.
            return retryAfter != null && retryAfter.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(retryAfter))
                    : otherwise;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new UncheckedIOException(notJson);
            }
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), TIMEOUT);
    }

    Answer post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, TIMEOUT);
    }

    /**
     * A batch of transfers, whose keys are in its items. It may take the app's whole batch wait to answer, as long as
     * this client's usual timeout: it gets that wait and the usual timeout on top.
     */
    Answer postBatch(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), APP_BATCH_WAIT.plus(TIMEOUT));
    }

    /** A provider callback: the exact bytes, signed as the provider signs them. */
    Answer callback(String path, byte[] body, String signature) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header(CallbackSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), TIMEOUT);
    }

    /**
     * A GET with the token as it is, never renewed: whether the app accepts it ({@code 401} if not). Chaos asks this
     * after each restart, to see that tokens issued before it still hold.
     */
    Answer getWithCurrentToken(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
                .timeout(TIMEOUT);
        return exchange(tokens == null ? request : bearer(request, tokens.current()));
    }

    private Answer send(HttpRequest.Builder request, Duration timeout) throws IOException, InterruptedException {
        request.timeout(timeout);
        if (clientIdHeader != null) {
            request.header(CLIENT_ID_HEADER, clientIdHeader);
        }
        if (tokens == null) {
            return exchange(request);
        }
        String token = tokens.current();
        Answer answer = exchange(bearer(request.copy(), token));
        if (answer.status() != 401) {
            return answer;
        }
        // The issuer no longer accepts this token (revoked, expired while the app was down): once more with a new one.
        return exchange(bearer(request, tokens.renewAfterRejection(token)));
    }

    private static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.setHeader("Authorization", "Bearer " + token);
    }

    private Answer exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null),
                response.headers().firstValue("Retry-After").orElse(null));
    }

    static String transferJson(String source, String destination, String amount, String currency) {
        return "{\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"}"
                .formatted(source, destination, amount, currency);
    }

    /** A transfer that converts on an FX quote: amount and currency are the quote's fromAmount and fromCurrency. */
    static String fxTransferJson(String source, String destination, String amount, String currency, String quoteId) {
        return ("{\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\","
                + "\"fxQuoteId\":\"%s\"}").formatted(source, destination, amount, currency, quoteId);
    }

    /** One item of a batch of transfers: a transfer's body with its idempotency key in it. */
    static String transferBatchItemJson(String idempotencyKey, String source, String destination, String amount,
                                        String currency) {
        return ("{\"idempotencyKey\":\"%s\",\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\","
                + "\"amount\":\"%s\",\"currency\":\"%s\"}").formatted(idempotencyKey, source, destination, amount,
                currency);
    }

    static String withdrawalJson(String wallet, String amount, String currency, String msisdn) {
        return "{\"walletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\",\"msisdn\":\"%s\"}"
                .formatted(wallet, amount, currency, msisdn);
    }

    static String depositJson(String wallet, String amount, String currency) {
        return "{\"walletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"}".formatted(wallet, amount, currency);
    }

    static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }
}
