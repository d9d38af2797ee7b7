package com.mizani.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A small HTTP client for the tests: real requests to the running application, JSON bodies as trees, each with the
 * bearer token of the principal this client acts as. By default that is a service client that also holds the teller,
 * operator, auditor and admin roles, so that a test can set up what it needs; {@link #as} acts as another principal.
 */
public final class Api {

    /** The roles of the default test principal: everything but approving and being a customer. */
    public static final List<String> DEFAULT_ROLES = List.of("service", "teller", "operator", "auditor", "admin");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient http = HTTP;
    private final int port;
    private final String base;
    private final Supplier<String> token;

    public Api(int port) {
        this(port, () -> Tokens.client(port, DEFAULT_NAME, DEFAULT_ROLES, null));
    }

    /** A client that sends this bearer token (from an issuer of the test's own, say). */
    public Api(int port, String bearer) {
        this(port, () -> bearer);
    }

    private Api(int port, Supplier<String> token) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    /** The roles of the principals {@link #as} makes: enough to propose and to decide. */
    public static final List<String> DECIDER_ROLES = List.of("operator", "approver");
    private static final String DEFAULT_NAME = "test-service";

    /** Acts as the principal {@code name}, an operator and approver, so that it can propose and decide. */
    public Api as(String name) {
        return asClient(name, DECIDER_ROLES, null);
    }

    /** How the ledger names the principal {@link #as} makes for {@code name}: {@code client:<its client id>}. */
    public String principalOf(String name) {
        return "client:" + Tokens.clientIdOf(port, name, DECIDER_ROLES, null);
    }

    /** The idempotency namespace of the default principal: its client id. */
    public String defaultNamespace() {
        return Tokens.clientIdOf(port, DEFAULT_NAME, DEFAULT_ROLES, null);
    }

    /** Acts as a client of these roles (created on first use); {@code ownerId} binds a customer. */
    public Api asClient(String name, List<String> roles, String ownerId) {
        return new Api(port, () -> Tokens.client(port, name, roles, ownerId));
    }

    /** Sends this exact bearer token (or none, if null). */
    public Api withToken(String bearer) {
        return new Api(port, () -> bearer);
    }

    /** Sends no credentials at all. */
    public Api anonymous() {
        return withToken(null);
    }

    public int port() {
        return port;
    }

    /** Adds this client's credentials to a request built elsewhere. */
    public HttpRequest.Builder authorize(HttpRequest.Builder request) {
        String bearer = token.get();
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    public record Response(int status, String contentType, String location, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new UncheckedIOException("not JSON: " + body, notJson);
            }
        }

        public String text(String field) {
            return json().path(field).asText(null);
        }

        public String code() {
            return text("code");
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(authorized(request).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** The request with this client's token, unless it names its own Authorization (a test of bad tokens). */
    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.build().headers().firstValue("Authorization").isPresent() ? request : authorize(request);
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    // Shortcuts for the flows most tests need.

    public String openWallet(String currency) {
        Response opened = post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"%s\"}".formatted(UUID.randomUUID(), currency));
        if (opened.status() != 201) {
            throw new AssertionError("opening a wallet answered " + opened.status() + ": " + opened.body());
        }
        return opened.text("walletId");
    }

    public Response deposit(String walletId, String amount, String currency) {
        return post("/api/v1/deposits", "{\"walletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"}".formatted(walletId, amount, currency),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    public Response transfer(String key, String source, String destination, String amount, String currency) {
        return post("/api/v1/transfers", transferJson(source, destination, amount, currency), "Idempotency-Key", key);
    }

    public static String transferJson(String source, String destination, String amount, String currency) {
        return "{\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"}"
                .formatted(source, destination, amount, currency);
    }

    public JsonNode wallet(String walletId) {
        return get("/api/v1/wallets/" + walletId).json();
    }

    public String available(String walletId) {
        return wallet(walletId).path("available").asText();
    }

    /** A payout of whole shillings to the simulator's test number, waited for until the provider has paid it. */
    public String settledPayout(String walletId, String shillings) {
        Response accepted = post("/api/v1/withdrawals", """
                {"walletId":"%s","amount":"%s","currency":"KES","msisdn":"254708374149"}""".formatted(walletId, shillings),
                "Idempotency-Key", UUID.randomUUID().toString());
        if (accepted.status() != 202) {
            throw new AssertionError("the payout answered " + accepted.status() + ": " + accepted.body());
        }
        String paymentId = accepted.text("paymentId");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/v1/payments/" + paymentId).json().path("status").asText(), "SETTLED"::equals);
        return paymentId;
    }
}
