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
import java.util.UUID;

/** A small HTTP client for the tests: real requests to the running application, JSON bodies as trees. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Who the operator tests act as; today named in X-Operator, later proven by a token (only {@link #as} changes). */
    private static final String PRINCIPAL_HEADER = "X-Operator";

    private final HttpClient http;
    private final String base;
    /** The principal every request of this client acts as, or null for an anonymous client. */
    private final String principal;

    public Api(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://localhost:" + port, null);
    }

    private Api(HttpClient http, String base, String principal) {
        this.http = http;
        this.base = base;
        this.principal = principal;
    }

    /**
     * The same client, every request of it acting as {@code principal}. The one place tests name who acts: when
     * requests authenticate, this obtains the principal's credentials and nothing else changes.
     */
    public Api as(String principal) {
        return new Api(http, base, principal);
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
        if (principal != null) {
            request.setHeader(PRINCIPAL_HEADER, principal);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
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
