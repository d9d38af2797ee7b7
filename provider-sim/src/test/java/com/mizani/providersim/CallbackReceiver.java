package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A tiny stand-in for the app's callback endpoints: records every POST it receives, per path, in arrival order. */
final class CallbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, BlockingQueue<Received>> byPath = new ConcurrentHashMap<>();

    CallbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                queue(exchange.getRequestURI().getPath())
                        .add(new Received(body, exchange.getRequestHeaders().getFirst(CallbackSignature.HEADER)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Waits for the next callback on {@code path}; fails the test if none comes within {@code timeout}. */
    Received next(String path, Duration timeout) throws InterruptedException {
        Received received = queue(path).poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(received).as("a callback on %s within %s", path, timeout).isNotNull();
        return received;
    }

    Received next(String path) throws InterruptedException {
        return next(path, Duration.ofSeconds(5));
    }

    /**
     * Asserts that nothing (more) arrives on {@code path} during a quiet period. Proving an absence needs some
     * bound; this is the only wait in the tests that is not ended by a condition.
     */
    void assertNothingArrives(String path, Duration quietPeriod) throws InterruptedException {
        assertThat(queue(path).poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)).as("callback on %s", path).isNull();
    }

    private BlockingQueue<Received> queue(String path) {
        return byPath.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    record Received(byte[] body, String signature) {

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("callback body is not JSON", e);
            }
        }

        JsonNode result() {
            return json().path("Result");
        }

        /** The value of one ResultParameter, or a missing node. */
        JsonNode parameter(String key) {
            for (JsonNode parameter : result().path("ResultParameters").path("ResultParameter")) {
                if (parameter.path("Key").asText().equals(key)) {
                    return parameter.path("Value");
                }
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
