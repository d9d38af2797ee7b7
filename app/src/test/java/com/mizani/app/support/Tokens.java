package com.mizani.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real tokens from the application's embedded issuer, as a client would get them: the bootstrap admin creates a
 * client with the roles a test needs, and the client asks {@code POST /oauth2/token} with its credentials. Clients
 * and tokens are kept per application (its port) and principal name; a token is fetched again before it expires.
 */
public final class Tokens {

    /** The bootstrap admin's secret every test application starts with. */
    public static final String ADMIN_SECRET = "test-bootstrap-admin-secret";
    public static final String ADMIN_CLIENT = "mizani-admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration REFRESH_AFTER = Duration.ofMinutes(10);

    private record Credentials(String clientId, String secret) {
    }

    private record Token(String value, Instant fetchedAt) {
    }

    private static final Map<String, Credentials> CLIENTS = new ConcurrentHashMap<>();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** The bootstrap admin's token. */
    public static String admin(int port) {
        return token(port, new Credentials(ADMIN_CLIENT, ADMIN_SECRET));
    }

    /**
     * A token of the client named {@code name} with these roles (created on first use). {@code ownerId} binds a
     * customer; null for any other role.
     */
    public static String client(int port, String name, List<String> roles, String ownerId) {
        String key = port + "|" + name + "|" + roles + "|" + ownerId;
        Credentials credentials = CLIENTS.computeIfAbsent(key, k -> create(port, name, roles, ownerId));
        return token(port, credentials);
    }

    /** Forgets the clients and tokens of the application that had {@code port}: a new one has it now. */
    public static void forget(int port) {
        String prefix = port + "|";
        CLIENTS.keySet().removeIf(key -> key.startsWith(prefix));
        TOKENS.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** The client id a principal name was given (ids are made unique by the issuer). */
    public static String clientIdOf(int port, String name, List<String> roles, String ownerId) {
        client(port, name, roles, ownerId);
        return CLIENTS.get(port + "|" + name + "|" + roles + "|" + ownerId).clientId();
    }

    /** A fresh token for these credentials, not a remembered one. */
    public static String fetch(int port, String clientId, String secret) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> answer = send(request);
        if (answer.statusCode() != 200) {
            throw new AssertionError("the token endpoint answered " + answer.statusCode() + " for " + clientId + ": " + answer.body());
        }
        return read(answer.body()).path("access_token").asText();
    }

    /** Creates a client through the admin API and returns its id and secret. */
    public static Map.Entry<String, String> createClient(int port, String name, List<String> roles, String ownerId) {
        Credentials created = create(port, name, roles, ownerId);
        return Map.entry(created.clientId(), created.secret());
    }

    private static String token(int port, Credentials credentials) {
        String key = port + "|" + credentials.clientId();
        Token token = TOKENS.get(key);
        if (token == null || token.fetchedAt().plus(REFRESH_AFTER).isBefore(Instant.now())) {
            token = new Token(fetch(port, credentials.clientId(), credentials.secret()), Instant.now());
            TOKENS.put(key, token);
        }
        return token.value();
    }

    private static Credentials create(int port, String name, List<String> roles, String ownerId) {
        Map<String, Object> body = ownerId == null ? Map.of("name", name, "roles", roles)
                : Map.of("name", name, "roles", roles, "ownerId", ownerId);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/clients"))
                    .header("Authorization", "Bearer " + admin(port))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> answer = send(request);
            if (answer.statusCode() != 201) {
                throw new AssertionError("creating client " + name + " answered " + answer.statusCode() + ": " + answer.body());
            }
            JsonNode created = read(answer.body());
            return new Credentials(created.path("clientId").asText(), created.path("clientSecret").asText());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw new UncheckedIOException("not JSON: " + body, notJson);
        }
    }
}
