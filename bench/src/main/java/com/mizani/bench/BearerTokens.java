package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bearer tokens of one client of the app's token issuer, got with client credentials (RFC 6749 §4.4).
 * <p>
 * The first token is fetched when this is made, before any request needs it. After that a thread of its own fetches
 * the next one {@link #margin} before the current one expires, so that no request of the load ever waits for the
 * token endpoint. A request refused with 401 anyway (a token the issuer no longer accepts) gets one new token and is
 * sent once more ({@link Client}); every request refused with the same token shares that one new token, so a burst of
 * 401s costs one fetch, not one per request.
 */
final class BearerTokens implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fetch that failed in the background is tried again this much later, while the current token still holds. */
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_MARGIN = Duration.ofMinutes(2);

    /** Who asks for the tokens, and where. The secret is never written to a report or a log. */
    record Credentials(URI tokenEndpoint, String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "Credentials[" + clientId + " at " + tokenEndpoint + "]";
        }
    }

    /** @param refreshAtNanos when the next token is due, on {@link System#nanoTime()}'s clock */
    private record Token(String value, Duration lifetime, long refreshAtNanos) {
    }

    private final Credentials credentials;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ReentrantLock fetching = new ReentrantLock();
    private final AtomicLong beforeExpiry = new AtomicLong();
    private final AtomicLong afterRejection = new AtomicLong();
    private final AtomicLong failedFetches = new AtomicLong();
    private final Thread refresher;
    private volatile Token current;

    private BearerTokens(Credentials credentials) throws IOException, InterruptedException {
        this.credentials = credentials;
        this.current = request();
        this.refresher = Thread.ofVirtual().name("bearer-tokens-" + credentials.clientId()).start(this::refreshBeforeExpiry);
    }

    /** The first token now (it fails if the issuer refuses), the next ones in the background. */
    static BearerTokens fetch(Credentials credentials) throws IOException, InterruptedException {
        return new BearerTokens(credentials);
    }

    /** One token, with nothing kept to renew it: for a step done once, such as creating the harness's client. */
    static String once(Credentials credentials) throws IOException, InterruptedException {
        try (BearerTokens tokens = new BearerTokens(credentials)) {
            return tokens.current();
        }
    }

    /** The token to send now. */
    String current() {
        return current.value();
    }

    /**
     * The token to send again after {@code rejected} was answered 401: a new one if {@code rejected} is still the
     * current token, else the one that has already replaced it.
     */
    String renewAfterRejection(String rejected) throws IOException, InterruptedException {
        fetching.lock();
        try {
            if (current.value().equals(rejected)) {
                current = request();
                afterRejection.incrementAndGet();
            }
            return current.value();
        } finally {
            fetching.unlock();
        }
    }

    /**
     * How long before its expiry a token is replaced: half its lifetime, at most {@link #LONGEST_MARGIN}. The issuer's
     * 15-minute tokens are replaced after 13 minutes; a token of a few seconds (in tests) half-way through.
     */
    static Duration margin(Duration lifetime) {
        Duration half = lifetime.dividedBy(2);
        return half.compareTo(LONGEST_MARGIN) < 0 ? half : LONGEST_MARGIN;
    }

    /** How often tokens were fetched, and why, for the report. */
    Map<String, Object> statistics() {
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("client", credentials.clientId());
        statistics.put("tokenLifetimeSeconds", current.lifetime().toSeconds());
        statistics.put("renewedBeforeExpiry", beforeExpiry.get());
        statistics.put("renewedAfter401", afterRejection.get());
        statistics.put("failedFetches", failedFetches.get());
        return statistics;
    }

    private void refreshBeforeExpiry() {
        while (!Thread.currentThread().isInterrupted()) {
            Token due = current;
            try {
                long waitNanos = due.refreshAtNanos() - System.nanoTime();
                if (waitNanos > 0) {
                    Thread.sleep(Duration.ofNanos(waitNanos));
                    continue;
                }
                fetching.lock();
                try {
                    // A 401 may have replaced it meanwhile; then the new one has its own time.
                    if (current == due) {
                        current = request();
                        beforeExpiry.incrementAndGet();
                    }
                } finally {
                    fetching.unlock();
                }
            } catch (InterruptedException closed) {
                return;
            } catch (IOException unavailable) {
                // The app may be restarting (chaos). The current token may still hold; if it expires first, the next
                // request's 401 fetches one.
                try {
                    Thread.sleep(RETRY);
                } catch (InterruptedException closed) {
                    return;
                }
            }
        }
    }

    /** A new token from the endpoint; every failure is counted. */
    private Token request() throws IOException, InterruptedException {
        try {
            return exchange();
        } catch (IOException failed) {
            failedFetches.incrementAndGet();
            throw failed;
        }
    }

    private Token exchange() throws IOException, InterruptedException {
        long sentAt = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(credentials.tokenEndpoint())
                .header("Authorization", "Basic " + basic(credentials.clientId(), credentials.clientSecret()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the token endpoint answered client %s with %d: %s".formatted(credentials.clientId(),
                    answer.statusCode(), answer.body()));
        }
        JsonNode token = JSON.readTree(answer.body());
        if (!token.hasNonNull("access_token") || !token.path("expires_in").canConvertToLong()
                || token.path("expires_in").asLong() < 1) {
            throw new IOException("the token endpoint gave no access_token with an expires_in: " + answer.body());
        }
        // Counted from when the request was sent, so that the token is replaced early rather than late.
        Duration lifetime = Duration.ofSeconds(token.path("expires_in").asLong());
        return new Token(token.get("access_token").asText(), lifetime,
                sentAt + lifetime.minus(margin(lifetime)).toNanos());
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-url-encoded before they go into the Basic credentials. */
    static String basic(String clientId, String clientSecret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        refresher.interrupt();
    }
}
