package com.mizani.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness's token handling against a real HTTP server that plays the app's issuer and one protected resource:
 * client credentials in HTTP Basic, tokens that expire, and 401 for a token it does not accept.
 */
class BearerTokensTest {

    private static final String CLIENT_ID = "bench-1a2b3c4d";
    /** Characters that RFC 6749's form-url-encoding inside Basic changes, and a ':' that would split the pair. */
    private static final String SECRET = "s3cr:t/+=%é&x";

    private final Issuer issuer = new Issuer();

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void aTokenIsFetchedOnceAndThenSentWithEveryRequest() throws Exception {
        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            Client client = Client.authenticated(issuer.base(), tokens);
            for (int i = 0; i < 50; i++) {
                assertThat(client.get(Issuer.RESOURCE).status()).isEqualTo(200);
            }
        }

        assertThat(issuer.tokenRequests.get()).isEqualTo(1);
        assertThat(issuer.resourceRequests.get()).isEqualTo(50);
        assertThat(issuer.tokensSeen).containsExactly("token-1");
    }

    @Test
    void theNextTokenIsFetchedBeforeTheCurrentOneExpires() throws Exception {
        issuer.lifetimeSeconds = 4;
        Map<String, Object> statistics;
        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            Client client = Client.authenticated(issuer.base(), tokens);
            long end = System.nanoTime() + Duration.ofSeconds(7).toNanos();
            while (System.nanoTime() < end) {
                assertThat(client.get(Issuer.RESOURCE).status()).isEqualTo(200);
                Thread.sleep(100);
            }
            statistics = tokens.statistics();
        }

        // Each token outlived by two seconds the moment it was replaced, so not one request met an expired one.
        assertThat(issuer.refusals.get()).isZero();
        assertThat(statistics.get("renewedAfter401")).isEqualTo(0L);
        assertThat((long) statistics.get("renewedBeforeExpiry")).isBetween(2L, 4L);
        assertThat(issuer.tokenRequests.get()).isBetween(3, 5);
        assertThat(issuer.resourceRequests.get()).isGreaterThan(10 * issuer.tokenRequests.get());
    }

    @Test
    void aRequestRefusedWith401IsSentOnceMoreWithANewToken() throws Exception {
        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            Client client = Client.authenticated(issuer.base(), tokens);
            assertThat(client.get(Issuer.RESOURCE).status()).isEqualTo(200);
            issuer.revokeAll();

            assertThat(client.post(Issuer.RESOURCE, "{}", "key-1").status()).isEqualTo(200);
            assertThat(client.get(Issuer.RESOURCE).status()).isEqualTo(200);
            assertThat(tokens.statistics().get("renewedAfter401")).isEqualTo(1L);
        }

        assertThat(issuer.refusals.get()).isEqualTo(1);
        assertThat(issuer.resourceRequests.get()).isEqualTo(4);
        assertThat(issuer.tokenRequests.get()).isEqualTo(2);
        // The POST went again with its body and idempotency key, and the new token.
        assertThat(issuer.bodies).containsExactly("{}", "{}");
        assertThat(issuer.idempotencyKeys).containsExactly("key-1", "key-1");
    }

    @Test
    void aSecond401IsTheAnswerWithoutAThirdTry() throws Exception {
        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            issuer.refuseEveryToken = true;

            Client.Answer answer = Client.authenticated(issuer.base(), tokens).get(Issuer.RESOURCE);

            assertThat(answer.status()).isEqualTo(401);
        }
        assertThat(issuer.resourceRequests.get()).isEqualTo(2);
        assertThat(issuer.tokenRequests.get()).isEqualTo(2);
    }

    @Test
    void requestsRefusedWithTheSameTokenShareOneNewToken() throws Exception {
        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            Client client = Client.authenticated(issuer.base(), tokens);
            issuer.revokeAll();

            List<Future<Integer>> answers = new ArrayList<>();
            try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 32; i++) {
                    answers.add(workers.submit(() -> client.get(Issuer.RESOURCE).status()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        assertThat(issuer.tokenRequests.get()).isEqualTo(2);
        assertThat(issuer.tokensSeen).containsExactlyInAnyOrder("token-1", "token-2");
    }

    @Test
    void theProbeSendsTheCurrentTokenAsItIsAndNeverRenewsIt() throws Exception {
        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            Client client = Client.authenticated(issuer.base(), tokens);
            assertThat(client.getWithCurrentToken(Issuer.RESOURCE).status()).isEqualTo(200);
            issuer.revokeAll();

            assertThat(client.getWithCurrentToken(Issuer.RESOURCE).status()).isEqualTo(401);
            assertThat(tokens.current()).isEqualTo("token-1");
        }
        assertThat(issuer.tokenRequests.get()).isEqualTo(1);
    }

    @Test
    void theClientIdAndSecretAreFormEncodedInsideBasicAndAWrongSecretFailsTheFetch() throws Exception {
        assertThat(new String(Base64.getDecoder().decode(BearerTokens.basic("a b", "x:y+z")), StandardCharsets.UTF_8))
                .isEqualTo("a+b:x%3Ay%2Bz");

        try (BearerTokens tokens = BearerTokens.fetch(issuer.credentials(SECRET))) {
            assertThat(tokens.current()).isEqualTo("token-1");
        }
        assertThatThrownBy(() -> BearerTokens.fetch(issuer.credentials("not-the-secret")))
                .isInstanceOf(IOException.class).hasMessageContaining("401").hasMessageContaining(CLIENT_ID);
        assertThat(issuer.tokenRequests.get()).isEqualTo(2);
        assertThat(issuer.issued).hasSize(1);
    }

    @Test
    void aTokenIsReplacedHalfWayThroughItsLifeAndAtMostTwoMinutesBeforeItsEnd() {
        assertThat(BearerTokens.margin(Duration.ofSeconds(899))).isEqualTo(Duration.ofMinutes(2));
        assertThat(BearerTokens.margin(Duration.ofSeconds(4))).isEqualTo(Duration.ofSeconds(2));
        assertThat(BearerTokens.margin(Duration.ofSeconds(240))).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theAppWithAuthenticationOffGetsNoTokenButAClientId() throws Exception {
        Client.Answer answer = Client.unauthenticated(issuer.base(), CLIENT_ID).get(Issuer.RESOURCE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(issuer.clientIds).containsExactly(CLIENT_ID);
        assertThat(issuer.tokenRequests.get()).isZero();
    }

    /** The app's issuer and one protected resource, on the JDK's HTTP server. */
    private static final class Issuer implements AutoCloseable {

        static final String RESOURCE = "/api/v1/resource";

        private final HttpServer server;
        private final AtomicInteger serial = new AtomicInteger();
        /** Each token the issuer accepts, and when it expires ({@link System#nanoTime()}). */
        final Map<String, Long> issued = new ConcurrentHashMap<>();
        final AtomicInteger tokenRequests = new AtomicInteger();
        final AtomicInteger resourceRequests = new AtomicInteger();
        final AtomicInteger refusals = new AtomicInteger();
        final Set<String> tokensSeen = ConcurrentHashMap.newKeySet();
        final List<String> bodies = new ArrayList<>();
        final List<String> idempotencyKeys = new ArrayList<>();
        final List<String> clientIds = new ArrayList<>();
        volatile long lifetimeSeconds = 899;
        volatile boolean refuseEveryToken;

        Issuer() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException unavailable) {
                throw new IllegalStateException(unavailable);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext(BenchPrincipal.TOKEN_PATH, this::token);
            server.createContext(RESOURCE, this::resource);
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        BearerTokens.Credentials credentials(String secret) {
            return new BearerTokens.Credentials(URI.create(base() + BenchPrincipal.TOKEN_PATH), CLIENT_ID, secret);
        }

        void revokeAll() {
            issued.clear();
        }

        private void token(HttpExchange exchange) throws IOException {
            tokenRequests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!exchange.getRequestMethod().equals("POST") || !body.equals("grant_type=client_credentials")
                    || !authenticated(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "token-" + serial.incrementAndGet();
            issued.put(token, System.nanoTime() + Duration.ofSeconds(lifetimeSeconds).toNanos());
            answer(exchange, 200, "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":%d}"
                    .formatted(token, lifetimeSeconds));
        }

        /** HTTP Basic as RFC 6749 §2.3.1 has it: each half form-url-decoded after the Base64. */
        private static boolean authenticated(String header) {
            if (header == null || !header.startsWith("Basic ")) {
                return false;
            }
            String pair = new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon > 0
                    && URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8).equals(CLIENT_ID)
                    && URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8).equals(SECRET);
        }

        private void resource(HttpExchange exchange) throws IOException {
            resourceRequests.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                if (exchange.getRequestMethod().equals("POST")) {
                    bodies.add(body);
                    idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
                }
                String clientId = exchange.getRequestHeaders().getFirst("X-Client-Id");
                if (clientId != null) {
                    clientIds.add(clientId);
                }
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
            if (token != null) {
                tokensSeen.add(token);
            }
            Long expiresAt = token == null ? null : issued.get(token);
            if (refuseEveryToken || expiresAt == null || System.nanoTime() >= expiresAt) {
                refusals.incrementAndGet();
                answer(exchange, 401, "{\"code\":\"TOKEN_INVALID\"}");
                return;
            }
            answer(exchange, 200, "{\"ok\":true}");
        }

        private static void answer(HttpExchange exchange, int status, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
