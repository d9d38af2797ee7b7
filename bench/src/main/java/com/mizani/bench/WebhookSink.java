package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhooks scenario's receiver, in the harness JVM on loopback: it answers 204 to everything, keeps each
 * webhook-id's first arrival (when, and how long after the event's {@code createdAt}), counts duplicates, and checks
 * that each wallet's events first arrive in the store's order. It can be stopped (connections refused) and started
 * again on the same port, as an outage.
 */
final class WebhookSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event's first arrival. */
    record Arrival(long arrivedAtMs, long lagMs, String type, long position) {
    }

    private final Map<String, Arrival> firstArrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> lastPositionByWallet = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final int port;
    private HttpServer server;

    WebhookSink() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mizani";
    }

    /** An outage: connections to the port are refused until {@link #start()}. */
    synchronized void stop() {
        server.stop(0);
        server = null;
    }

    synchronized void start() throws IOException {
        if (server == null) {
            server = listen(port);
        }
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 1024);
        listening.createContext("/", this::handle);
        listening.setExecutor(threads);
        listening.start();
        return listening;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.currentTimeMillis();
        requests.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        JsonNode event = JSON.readTree(body);
        long createdAt = Instant.parse(event.path("createdAt").asText()).toEpochMilli();
        Arrival arrival = new Arrival(now, now - createdAt, event.path("type").asText(), event.path("position").asLong());
        if (firstArrivals.putIfAbsent(id, arrival) != null) {
            duplicates.incrementAndGet();
        } else if (arrival.type().startsWith("wallet.")) {
            String wallet = event.path("data").path("walletId").asText();
            Long before = lastPositionByWallet.put(wallet, arrival.position());
            if (before != null && before > arrival.position()) {
                outOfOrder.incrementAndGet();
            }
        }
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    Set<String> received() {
        return firstArrivals.keySet();
    }

    int distinct() {
        return firstArrivals.size();
    }

    long requests() {
        return requests.get();
    }

    long duplicates() {
        return duplicates.get();
    }

    long outOfOrder() {
        return outOfOrder.get();
    }

    /** The lags of the events that first arrived within [from, to). */
    Latencies lagsArrivedBetween(Instant from, Instant to) {
        Latencies lags = new Latencies();
        List<Arrival> arrivals = new ArrayList<>(firstArrivals.values());
        for (Arrival arrival : arrivals) {
            if (arrival.arrivedAtMs() >= from.toEpochMilli() && arrival.arrivedAtMs() < to.toEpochMilli()) {
                lags.add(Math.max(0, arrival.lagMs()) * 1_000_000);
            }
        }
        return lags;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
        threads.shutdownNow();
    }
}
