package com.mizani.provider.mpesa.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Calls the provider's JSON API with an OAuth bearer token, fetched once and reused until shortly before it
 * expires (or until the provider says it is invalid). Failures to reach the provider are thrown as
 * {@link IOException}s; the caller decides what an unknown outcome means.
 */
class DarajaClient {

    /** A provider answer: its HTTP status and JSON body (a missing node when the body was not JSON). */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(60);

    private final Supplier<URI> baseUri;
    private final ProviderProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private volatile Token token;

    private record Token(String value, Instant expiresAt) {
    }

    DarajaClient(Supplier<URI> baseUri, ProviderProperties properties, Clock clock) {
        this.baseUri = baseUri;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(properties.connectTimeoutMs()))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    Response post(String path, Map<String, Object> body) throws IOException, InterruptedException {
        Response response = send(path, body, bearer(false));
        if (response.status() == 401) {
            response = send(path, body, bearer(true));
        }
        return response;
    }

    private Response send(String path, Map<String, Object> body, String bearer) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.get().resolve(path))
                .timeout(Duration.ofMillis(properties.requestTimeoutMs()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        return parse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private String bearer(boolean refresh) throws IOException, InterruptedException {
        Token current = token;
        if (!refresh && current != null && clock.instant().isBefore(current.expiresAt())) {
            return current.value();
        }
        synchronized (this) {
            if (!refresh && token != null && token != current && clock.instant().isBefore(token.expiresAt())) {
                return token.value();
            }
            String basic = Base64.getEncoder().encodeToString((properties.consumerKey() + ":" + properties.consumerSecret())
                    .getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(baseUri.get().resolve("/oauth/v1/generate?grant_type=client_credentials"))
                    .timeout(Duration.ofMillis(properties.requestTimeoutMs()))
                    .header("Authorization", "Basic " + basic)
                    .GET()
                    .build();
            Response response = parse(http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
            String accessToken = response.body().path("access_token").asText("");
            if (!response.ok() || accessToken.isEmpty()) {
                throw new IOException("the provider refused our OAuth credentials (HTTP " + response.status() + ")");
            }
            long expiresIn = response.body().path("expires_in").asLong(3599);
            token = new Token(accessToken, clock.instant().plusSeconds(expiresIn).minus(TOKEN_MARGIN));
            return accessToken;
        }
    }

    private static Response parse(HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = response.body().length == 0 ? MissingNode.getInstance() : JSON.readTree(response.body());
        } catch (IOException notJson) {
            body = MissingNode.getInstance();
        }
        return new Response(response.statusCode(), body == null ? MissingNode.getInstance() : body);
    }
}
