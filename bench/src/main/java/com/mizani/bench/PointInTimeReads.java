package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Point-in-time balances of the hot wallet at random instants across its history: from the read model
 * ({@code GET /api/v1/wallets/{id}/balance?asOf=}), sequentially and then with several workers, after a warm-up; and
 * a smaller sample replayed from the wallet's events ({@code GET /api/v1/audit/wallets/{id}/replay?asOf=}), each
 * compared with the read model's answer for the same instant.
 */
final class PointInTimeReads {

    /**
     * @param entries        the hot wallet's entries in the read model, from {@code firstEntry} to {@code lastEntry}
     * @param sequential     latencies of the sequential pass, which took {@code sequentialSeconds}
     * @param concurrent     latencies of the concurrent pass, {@code concurrency} workers, {@code concurrentSeconds}
     * @param audit          latencies of the balances replayed from the events
     * @param eventsRead     events the measured replayed balances read on average (the app reports it per call)
     * @param statusCounts   answers by "endpoint status", warm-up included
     * @param mismatches     instants where the replayed balance and the read model's differ, first few
     */
    record Result(String wallet, long entries, Instant firstEntry, Instant lastEntry, int warmup, Latencies sequential,
                  double sequentialSeconds, Latencies concurrent, int concurrency, double concurrentSeconds,
                  Latencies audit, long eventsRead, Map<String, Long> statusCounts, long mismatchCount,
                  List<String> mismatches) {

        /** Answers other than 200: each is a violation. */
        long failures() {
            return statusCounts.entrySet().stream().filter(e -> !e.getKey().endsWith(" 200"))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    private static final int EXAMPLES = 5;

    private final Client client;
    private final String wallet;
    private final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();

    PointInTimeReads(Client client, String wallet) {
        this.client = client;
        this.wallet = wallet;
    }

    Result measure(Postgres postgres, int reads, int concurrency, int auditReads, long seed) throws Exception {
        long entries;
        Instant first;
        Instant last;
        try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement("""
                SELECT COUNT(*), MIN(occurred_at), MAX(occurred_at) FROM ledger_entry
                WHERE is_wallet AND account = ?""")) {
            query.setString(1, wallet);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                entries = rows.getLong(1);
                first = rows.getTimestamp(2).toInstant();
                last = rows.getTimestamp(3).toInstant();
            }
        }
        Random random = new Random(seed);
        int warmup = Math.max(100, reads / 10);
        BenchMain.log("point-in-time balances of the hot wallet (%,d entries, %s to %s): %,d warm-up reads, then %,d "
                + "sequential, %,d with %d workers, %d replayed from its events", entries, first, last, warmup, reads,
                reads, concurrency, auditReads);
        Latencies ignored = new Latencies();
        for (int i = 0; i < warmup; i++) {
            read(instant(random, first, last), ignored);
        }
        Latencies sequential = new Latencies();
        long started = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            read(instant(random, first, last), sequential);
        }
        double sequentialSeconds = (System.nanoTime() - started) / 1e9;
        BenchMain.log("sequential: %.0f reads/s, p50 %.2f ms, p99 %.2f ms", reads / sequentialSeconds,
                sequential.percentileMs(50), sequential.percentileMs(99));
        started = System.nanoTime();
        Latencies concurrent = concurrent(reads, concurrency, seed, first, last);
        double concurrentSeconds = (System.nanoTime() - started) / 1e9;
        BenchMain.log("%d workers: %.0f reads/s, p50 %.2f ms, p99 %.2f ms", concurrency, reads / concurrentSeconds,
                concurrent.percentileMs(50), concurrent.percentileMs(99));

        // Each of these reads every event of the wallet; two are warm-up.
        Latencies audit = new Latencies();
        List<String> mismatches = new ArrayList<>();
        long mismatchCount = 0;
        long eventsRead = 0;
        long measured = 0;
        for (int i = 0; i < auditReads + 2; i++) {
            Instant at = instant(random, first, last);
            started = System.nanoTime();
            Client.Answer replayed = get("audit", "/api/v1/audit/wallets/" + wallet + "/replay?asOf=" + at);
            long elapsed = System.nanoTime() - started;
            if (i >= 2) {
                audit.add(elapsed);
            }
            Client.Answer projected = get("balance", "/api/v1/wallets/" + wallet + "/balance?asOf=" + at);
            if (replayed.status() == 200 && projected.status() == 200) {
                JsonNode fromEvents = replayed.json();
                JsonNode fromReadModel = projected.json();
                if (i >= 2) {
                    eventsRead += fromEvents.path("eventsRead").asLong();
                    measured++;
                }
                boolean same = fromEvents.path("balance").asText().equals(fromReadModel.path("balance").asText())
                        && fromEvents.path("sequence").asLong(-1) == fromReadModel.path("sequence").asLong(-1);
                if (!same) {
                    mismatchCount++;
                    if (mismatches.size() < EXAMPLES) {
                        mismatches.add("at " + at + ": events say " + fromEvents.path("balance").asText() + " (sequence "
                                + fromEvents.path("sequence").asText() + "), read model "
                                + fromReadModel.path("balance").asText() + " (sequence "
                                + fromReadModel.path("sequence").asText() + ")");
                    }
                }
            }
        }
        eventsRead = measured == 0 ? 0 : eventsRead / measured;
        BenchMain.log("replayed from %,d events on average: p50 %.0f ms, max %.0f ms; %d differ from the read model",
                eventsRead, audit.percentileMs(50), audit.maxMs(), mismatchCount);
        Map<String, Long> counts = new TreeMap<>();
        statusCounts.forEach((status, count) -> counts.put(status, count.get()));
        return new Result(wallet, entries, first, last, warmup, sequential, sequentialSeconds, concurrent, concurrency,
                concurrentSeconds, audit, eventsRead, counts, mismatchCount, mismatches);
    }

    private Latencies concurrent(int reads, int concurrency, long seed, Instant first, Instant last) throws Exception {
        List<Latencies> perWorker = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < concurrency; worker++) {
                Latencies latencies = new Latencies();
                perWorker.add(latencies);
                Random random = new Random(seed * 31 + worker);
                int share = reads / concurrency + (worker < reads % concurrency ? 1 : 0);
                workers.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        read(instant(random, first, last), latencies);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        Latencies all = new Latencies();
        perWorker.forEach(all::addAll);
        return all;
    }

    private void read(Instant at, Latencies latencies) throws Exception {
        long started = System.nanoTime();
        get("balance", "/api/v1/wallets/" + wallet + "/balance?asOf=" + at);
        latencies.add(System.nanoTime() - started);
    }

    private Client.Answer get(String endpoint, String path) throws Exception {
        Client.Answer answer = client.get(path);
        statusCounts.computeIfAbsent(endpoint + " " + answer.status(), s -> new AtomicLong()).incrementAndGet();
        return answer;
    }

    /** Uniformly between the first and the last entry, to the microsecond (as entries keep their time). */
    static Instant instant(Random random, Instant first, Instant last) {
        long span = ChronoUnit.MICROS.between(first, last);
        return first.plus(Duration.of(span <= 0 ? 0 : (long) (random.nextDouble() * (span + 1)), ChronoUnit.MICROS));
    }
}
