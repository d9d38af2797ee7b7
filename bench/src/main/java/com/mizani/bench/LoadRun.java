package com.mizani.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed-loop load: {@code concurrency} workers, each sending one request at a time until the run ends.
 * Requests finished during the warm-up are not counted. In chaos mode a request that got no final answer
 * (connection refused, reset, timeout, 5xx) is sent again with the same idempotency key, as a real client would.
 */
final class LoadRun {

    /** One transfer moves this much, so that funded wallets never run dry and refusals stay rare. */
    static final String TRANSFER_AMOUNT = "1.00";

    enum Operation { TRANSFER, READ_BALANCE, READ_ENTRIES }

    record Result(Instant measuredFrom, Instant measuredTo, Latencies all, Latencies transfers, long requests,
                  Map<String, Long> statusCounts, long retries, long unanswered) {
        double seconds() {
            return Duration.between(measuredFrom, measuredTo).toMillis() / 1000.0;
        }
    }

    private final BenchOptions options;
    private final Client client;
    private final Ledger ledger;
    private final boolean retryUntilAnswered;
    private final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();

    LoadRun(BenchOptions options, Client client, Ledger ledger) {
        this.options = options;
        this.client = client;
        this.ledger = ledger;
        this.retryUntilAnswered = options.scenario().equals("chaos");
    }

    Result run() throws Exception {
        Instant start = Instant.now();
        Instant measuredFrom = start.plus(options.warmup());
        Instant end = measuredFrom.plus(options.duration());
        List<Latencies> allPerWorker = new ArrayList<>();
        List<Latencies> transfersPerWorker = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < options.concurrency(); worker++) {
                Latencies all = new Latencies();
                Latencies transfers = new Latencies();
                allPerWorker.add(all);
                transfersPerWorker.add(transfers);
                Random random = new Random(options.seed() * 31 + worker);
                workers.add(pool.submit(() -> {
                    work(random, measuredFrom, end, all, transfers);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        Latencies all = new Latencies();
        Latencies transfers = new Latencies();
        allPerWorker.forEach(all::addAll);
        transfersPerWorker.forEach(transfers::addAll);
        Map<String, Long> counts = new TreeMap<>();
        statusCounts.forEach((status, count) -> counts.put(status, count.get()));
        return new Result(measuredFrom, end, all, transfers, all.count(), counts, retries.get(), unanswered.get());
    }

    private void work(Random random, Instant measuredFrom, Instant end, Latencies all, Latencies transfers)
            throws InterruptedException {
        while (Instant.now().isBefore(end)) {
            Operation operation = nextOperation(random);
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            String status = switch (operation) {
                case TRANSFER -> transfer(random, end);
                case READ_BALANCE -> read("/api/v1/wallets/" + randomWallet(random), end);
                case READ_ENTRIES -> read("/api/v1/wallets/" + randomWallet(random) + "/entries?limit=20", end);
            };
            long elapsed = System.nanoTime() - started;
            if (!startedAt.isBefore(measuredFrom) && Instant.now().isBefore(end)) {
                all.add(elapsed);
                if (operation == Operation.TRANSFER) {
                    transfers.add(elapsed);
                }
                statusCounts.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private Operation nextOperation(Random random) {
        return switch (options.scenario()) {
            case "mixed", "chaos" -> {
                int dice = random.nextInt(10);
                // Writes to reads at 4:1, the reads split between balances and entries.
                yield dice < 8 ? Operation.TRANSFER : dice == 8 ? Operation.READ_BALANCE : Operation.READ_ENTRIES;
            }
            default -> Operation.TRANSFER;
        };
    }

    private String transfer(Random random, Instant end) throws InterruptedException {
        List<String> wallets = ledger.wallets();
        String source = options.scenario().equals("hot-wallet") ? wallets.getFirst() : randomWallet(random);
        String destination;
        do {
            destination = wallets.get(1 + random.nextInt(wallets.size() - 1));
        } while (destination.equals(source));
        String key = UUID.randomUUID().toString();
        String body = Client.transferJson(source, destination, TRANSFER_AMOUNT, Ledger.CURRENCY);
        for (int attempt = 0; ; attempt++) {
            try {
                Client.Answer answer = client.post("/api/v1/transfers", body, key);
                if (answer.status() == 201 || answer.status() == 202 || answer.status() == 422) {
                    ledger.acknowledge(key, new Ledger.Acknowledged(Client.field(answer.body(), "transferId"),
                            answer.status(), answer.status() == 422 ? Client.field(answer.body(), "code")
                            : Client.field(answer.body(), "status")));
                    return Integer.toString(answer.status());
                }
                if (!shouldRetry(answer.status(), attempt, end)) {
                    return Integer.toString(answer.status());
                }
            } catch (IOException noAnswer) {
                if (!shouldRetry(0, attempt, end)) {
                    unanswered.incrementAndGet();
                    return "io-error";
                }
            }
            retries.incrementAndGet();
            Thread.sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
        }
    }

    private String read(String path, Instant end) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                Client.Answer answer = client.get(path);
                if (!shouldRetry(answer.status(), attempt, end) || answer.status() < 500) {
                    return Integer.toString(answer.status());
                }
            } catch (IOException noAnswer) {
                if (!shouldRetry(0, attempt, end)) {
                    return "io-error";
                }
            }
            retries.incrementAndGet();
            Thread.sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
        }
    }

    /** Only chaos retries, only failures without a final answer, and only until a grace period after the run. */
    private boolean shouldRetry(int status, int attempt, Instant end) {
        boolean noFinalAnswer = status == 0 || status >= 500;
        return retryUntilAnswered && noFinalAnswer && Instant.now().isBefore(end.plusSeconds(120));
    }

    private String randomWallet(Random random) {
        return ledger.wallets().get(random.nextInt(ledger.wallets().size()));
    }
}
