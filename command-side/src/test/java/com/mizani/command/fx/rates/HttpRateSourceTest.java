package com.mizani.command.fx.rates;

import com.mizani.command.fx.FxRate;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.mizani.kernel.money.CurrencyCode.KES;
import static com.mizani.kernel.money.CurrencyCode.KWD;
import static com.mizani.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The HTTP adapter against a stand-in rate provider: a JDK HTTP server that answers as each test tells it. */
class HttpRateSourceTest {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);

    /** What the stand-in answers: a status and a body. */
    private record Answer(int status, String body) {
    }

    private final AtomicReference<Answer> answer = new AtomicReference<>();
    private final AtomicReference<URI> asked = new AtomicReference<>();
    private final CountDownLatch releaseHeldCalls = new CountDownLatch(1);
    private volatile boolean hold;
    private ExecutorService threads;
    private HttpServer provider;

    @BeforeEach
    void startProvider() throws IOException {
        threads = Executors.newCachedThreadPool();
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.setExecutor(threads);
        provider.createContext("/", this::answer);
        provider.start();
    }

    @AfterEach
    void stopProvider() throws InterruptedException {
        releaseHeldCalls.countDown();
        provider.stop(0);
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private void answer(HttpExchange exchange) throws IOException {
        asked.set(exchange.getRequestURI());
        try (exchange) {
            if (hold) {
                releaseHeldCalls.await();
            }
            Answer now = answer.get();
            byte[] body = now.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(now.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private URI baseUrl() {
        return URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/");
    }

    private HttpRateSource source() {
        return source(baseUrl());
    }

    private HttpRateSource source(URI baseUrl) {
        return new HttpRateSource(baseUrl, Duration.ofMillis(500), REQUEST_TIMEOUT,
                new Spreads(50, Map.of(CurrencyPair.parse("USD-KWD"), 80)), RETRY_AFTER);
    }

    private static void assertUnavailable(Throwable refused) {
        assertThat(refused).isInstanceOfSatisfying(RetryLater.class, retry -> {
            assertThat(retry.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE);
            assertThat(retry.retryAfter()).isEqualTo(RETRY_AFTER);
        });
    }

    @Test
    void aGoodAnswerIsReadExactlyWithMizanisSpread() {
        answer.set(new Answer(200, """
                {"from":"KES","to":"USD","rate":"0.0077","asOf":"2026-12-02T10:00:00Z"}"""));

        FxRate rate = source().current(KES, USD);

        assertThat(asked.get()).hasPath("/v1/rates").hasQuery("from=KES&to=USD");
        assertThat(rate.rate().toPlainString()).isEqualTo("0.0077");
        assertThat(rate.asOf()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(rate.spreadBps()).isEqualTo(50);
        assertThat(rate.source()).isEqualTo("127.0.0.1");
    }

    @Test
    void aRateAsAJsonNumberIsReadAsWrittenNeverThroughADouble() {
        // More digits than a double holds: read through one, it would come back as 3.2626427406199...
        answer.set(new Answer(200, """
                {"from":"KWD","to":"USD","rate":3.26264274061990212071778140293637846655791190864600326264,"asOf":"2026-12-02T10:00:00Z"}"""));

        assertThat(source().current(KWD, USD).rate().toPlainString())
                .isEqualTo("3.26264274061990212071778140293637846655791190864600326264");
        answer.set(new Answer(200, """
                {"from":"USD","to":"KWD","rate":0.3065,"asOf":"2026-12-02T10:00:00Z"}"""));
        FxRate inverse = source().current(USD, KWD);
        assertThat(inverse.rate().toPlainString()).isEqualTo("0.3065");
        assertThat(inverse.spreadBps()).isEqualTo(80);
    }

    @Test
    void notFoundMeansThePairIsUnsupported() {
        answer.set(new Answer(404, "{\"error\":\"unknown pair\"}"));

        assertThatThrownBy(() -> source().current(KES, USD))
                .isInstanceOfSatisfying(MizaniException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.FX_PAIR_UNSUPPORTED))
                .isNotInstanceOf(RetryLater.class);
    }

    @Test
    void aServerErrorIsUnavailable() {
        answer.set(new Answer(500, "{\"error\":\"boom\"}"));
        assertUnavailable(catchRefusal(() -> source().current(KES, USD)));
        answer.set(new Answer(503, ""));
        assertUnavailable(catchRefusal(() -> source().current(KES, USD)));
    }

    @Test
    void aBodyThatIsNoRateIsUnavailable() {
        for (String garbage : new String[]{"<html>busy</html>", "", "[]", "{\"from\":\"KES\",\"to\":\"USD\"}",
                "{\"from\":\"KES\",\"to\":\"USD\",\"rate\":\"abc\",\"asOf\":\"2026-12-02T10:00:00Z\"}",
                "{\"from\":\"KES\",\"to\":\"USD\",\"rate\":\"-1\",\"asOf\":\"2026-12-02T10:00:00Z\"}",
                "{\"from\":\"KES\",\"to\":\"USD\",\"rate\":\"0.0077\",\"asOf\":\"yesterday\"}",
                "{\"from\":\"USD\",\"to\":\"KES\",\"rate\":\"129.2\",\"asOf\":\"2026-12-02T10:00:00Z\"}"}) {
            answer.set(new Answer(200, garbage));
            assertThat(catchRefusal(() -> source().current(KES, USD))).as(garbage)
                    .isInstanceOfSatisfying(RetryLater.class,
                            retry -> assertThat(retry.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE));
        }
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsUnavailable() {
        answer.set(new Answer(200, """
                {"from":"KES","to":"USD","rate":"0.0077","asOf":"2026-12-02T10:00:00Z"}"""));
        hold = true;

        long started = System.nanoTime();
        assertUnavailable(catchRefusal(() -> source().current(KES, USD)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(REQUEST_TIMEOUT.multipliedBy(6));
    }

    @Test
    void aProviderThatCannotBeReachedIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        assertUnavailable(catchRefusal(() -> source(URI.create("http://127.0.0.1:" + closedPort)).current(KES, USD)));
    }

    @Test
    void anOldRateOfTheProviderIsRefusedByTheSameFreshnessCheckAsTheSimulators() {
        answer.set(new Answer(200, """
                {"from":"KES","to":"USD","rate":"0.0077","asOf":"2026-12-02T10:00:00Z"}"""));
        Clock mizani = Clock.fixed(Instant.parse("2026-12-02T10:00:31Z"), ZoneOffset.UTC);
        FreshRates fresh = new FreshRates(source(), mizani, Duration.ofSeconds(30), Duration.ofSeconds(2), RETRY_AFTER);

        assertUnavailable(catchRefusal(() -> fresh.current(KES, USD)));
        FreshRates earlier = new FreshRates(source(), Clock.offset(mizani, Duration.ofSeconds(-1)),
                Duration.ofSeconds(30), Duration.ofSeconds(2), RETRY_AFTER);
        assertThat(earlier.current(KES, USD).rate()).isEqualByComparingTo("0.0077");
    }

    private static Throwable catchRefusal(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException refused) {
            return refused;
        }
        throw new AssertionError("expected a refusal, but the call answered");
    }
}
