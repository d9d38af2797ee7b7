package com.mizani.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
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
import java.util.function.Consumer;

/**
 * The closed-loop load: {@code concurrency} workers, each sending one request at a time until the run ends.
 * Requests finished during the warm-up are not counted. In chaos mode a request that got no final answer
 * (connection refused, reset, timeout, 5xx) is sent again with the same idempotency key, as a real client would;
 * a C2B confirmation without a 200 is always sent again, byte for byte, as the provider would.
 */
final class LoadRun {

    /** One transfer moves this much, so that funded wallets never run dry and refusals stay rare. */
    static final String TRANSFER_AMOUNT = "1.00";
    /** Payouts go in whole shillings; the fee (KES cents) is set on the app, so that captures move amount plus fee. */
    static final String WITHDRAWAL_AMOUNT = "1";
    static final long WITHDRAWAL_FEE_MINOR = 50;

    enum Operation {
        TRANSFER("transfer"), WITHDRAWAL("withdrawal"), CALLBACK("callback"), READ_BALANCE("balance read"),
        READ_ENTRIES("entries read");

        final String label;

        Operation(String label) {
            this.label = label;
        }
    }

    /**
     * @param statusCounts answers in the measured window by "operation status" ("withdrawal 202"); repeated C2B
     *                     confirmations count as "callback repeat 200"
     */
    record Result(Instant startedAt, Instant measuredFrom, Instant measuredTo, Latencies all,
                  Map<Operation, Latencies> latencies, Map<String, Long> statusCounts, long retries, long unanswered) {
        double seconds() {
            return Duration.between(measuredFrom, measuredTo).toMillis() / 1000.0;
        }

        long requests() {
            return all.count();
        }

        Latencies of(Operation operation) {
            return latencies.get(operation);
        }

        /** Measured answers of this operation with this status, repeats included. */
        long answers(Operation operation, int status) {
            return statusCounts.getOrDefault(operation.label + " " + status, 0L)
                    + statusCounts.getOrDefault(operation.label + " repeat " + status, 0L);
        }
    }

    private final BenchOptions options;
    private final Client client;
    private final Ledger ledger;
    private final C2bConfirmations confirmations;
    private final boolean retryUntilAnswered;
    private final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private volatile Instant stoppedAt;

    LoadRun(BenchOptions options, Client client, Ledger ledger) {
        this.options = options;
        this.client = client;
        this.ledger = ledger;
        this.confirmations = new C2bConfirmations(ledger);
        this.retryUntilAnswered = options.scenario().equals("chaos");
    }

    Result run() throws Exception {
        Instant start = Instant.now();
        Instant measuredFrom = start.plus(options.warmup());
        Instant end = measuredFrom.plus(options.duration());
        List<Map<Operation, Latencies>> perWorker = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < options.concurrency(); worker++) {
                Map<Operation, Latencies> latencies = emptyLatencies();
                perWorker.add(latencies);
                Random random = new Random(options.seed() * 31 + worker);
                workers.add(pool.submit(() -> {
                    work(random, measuredFrom, end, latencies);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        Map<Operation, Latencies> latencies = emptyLatencies();
        Latencies all = new Latencies();
        for (Map<Operation, Latencies> worker : perWorker) {
            worker.forEach((operation, samples) -> {
                latencies.get(operation).addAll(samples);
                all.addAll(samples);
            });
        }
        Map<String, Long> counts = new TreeMap<>();
        statusCounts.forEach((status, count) -> counts.put(status, count.get()));
        return new Result(start, measuredFrom, endOf(end), all, latencies, counts, retries.get(), unanswered.get());
    }

    /**
     * Ends the load now, before its duration is up: the measured window closes here. For a load that runs only as long
     * as something else does (the background of read-your-writes), whose end is not known when it starts.
     */
    void stop() {
        stoppedAt = Instant.now();
    }

    private Instant endOf(Instant end) {
        Instant stopped = stoppedAt;
        return stopped != null && stopped.isBefore(end) ? stopped : end;
    }

    private static Map<Operation, Latencies> emptyLatencies() {
        Map<Operation, Latencies> latencies = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            latencies.put(operation, new Latencies());
        }
        return latencies;
    }

    private void work(Random random, Instant measuredFrom, Instant end, Map<Operation, Latencies> latencies)
            throws InterruptedException {
        while (Instant.now().isBefore(endOf(end))) {
            Operation operation = nextOperation(random);
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            String status = switch (operation) {
                case TRANSFER -> transfer(random, end);
                case WITHDRAWAL -> withdrawal(random, end);
                case CALLBACK -> callback(random, end);
                case READ_BALANCE -> read("/api/v1/wallets/" + randomWallet(random), end);
                case READ_ENTRIES -> read("/api/v1/wallets/" + randomWallet(random) + "/entries?limit=20", end);
            };
            long elapsed = System.nanoTime() - started;
            if (!startedAt.isBefore(measuredFrom) && Instant.now().isBefore(endOf(end))) {
                latencies.get(operation).add(elapsed);
                statusCounts.computeIfAbsent(operation.label + " " + status, s -> new AtomicLong()).incrementAndGet();
            }
        }
    }

    private Operation nextOperation(Random random) {
        return switch (options.scenario()) {
            case "mixed" -> {
                int dice = random.nextInt(10);
                // Writes to reads at 4:1, the reads split between balances and entries.
                yield dice < 8 ? Operation.TRANSFER : dice == 8 ? Operation.READ_BALANCE : Operation.READ_ENTRIES;
            }
            case "chaos" -> {
                // As mixed, with one write in eight a payout, so that kills also hit payouts in flight.
                int dice = random.nextInt(10);
                yield dice < 7 ? Operation.TRANSFER : dice == 7 ? Operation.WITHDRAWAL
                        : dice == 8 ? Operation.READ_BALANCE : Operation.READ_ENTRIES;
            }
            case "withdrawals" -> Operation.WITHDRAWAL;
            case "callbacks" -> Operation.CALLBACK;
            // transfers, hot-wallet, and the background load of read-your-writes
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
        return post("/api/v1/transfers", body, key, end, retryUntilAnswered, answer -> {
            if (answer.status() == 201 || answer.status() == 202 || answer.status() == 422) {
                ledger.acknowledge(key, new Ledger.Acknowledged(Client.field(answer.body(), "transferId"),
                        answer.status(), answer.status() == 422 ? Client.field(answer.body(), "code")
                        : Client.field(answer.body(), "status")));
            }
        });
    }

    /** A payout of 1 KES to a random Kenyan number; 202 means the money is held, 422 that it was refused. */
    private String withdrawal(Random random, Instant end) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String msisdn = "2547" + String.format("%08d", random.nextInt(100_000_000));
        String body = Client.withdrawalJson(randomWallet(random), WITHDRAWAL_AMOUNT, Ledger.CURRENCY, msisdn);
        return post("/api/v1/withdrawals", body, key, end, false, answer -> {
            if (answer.status() == 202 || answer.status() == 422) {
                ledger.acknowledgePayout(key, new Ledger.AcknowledgedPayout(Client.field(answer.body(), "paymentId"),
                        answer.status(), answer.status() == 422 ? Client.field(answer.body(), "code")
                        : Client.field(answer.body(), "status")));
            }
        });
    }

    /**
     * Sends until a final answer (2xx or 4xx), resending with the same key while chaos asks for it.
     *
     * @param untilDone whether a 202 is followed up too: a transfer's 202 says it is not done yet, not that it is
     *                  stored, so a client that must know repeats the request with its key (README) until it is, which
     *                  carries it out if the app stopped before it did
     */
    private String post(String path, String body, String key, Instant end, boolean untilDone,
                        Consumer<Client.Answer> acknowledge) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                Client.Answer answer = client.post(path, body, key);
                acknowledge.accept(answer);
                boolean followUp = untilDone && answer.status() == 202;
                if (!followUp && !shouldRetry(answer.status(), retryUntilAnswered, end)) {
                    return Integer.toString(answer.status());
                }
            } catch (IOException noAnswer) {
                if (!shouldRetry(0, retryUntilAnswered, end)) {
                    unanswered.incrementAndGet();
                    return "io-error";
                }
            }
            retries.incrementAndGet();
            backOff(attempt);
        }
    }

    private String callback(Random random, Instant end) throws InterruptedException {
        C2bConfirmations.Confirmation confirmation = confirmations.next(random);
        String prefix = confirmation.repeat() ? "repeat " : "";
        for (int attempt = 0; ; attempt++) {
            try {
                Client.Answer answer = client.callback(C2bConfirmations.PATH, confirmation.body(), confirmation.signature());
                if (answer.status() == 200) {
                    confirmations.answered(confirmation);
                }
                if (answer.status() == 200 || !shouldRetry(answer.status(), true, end)) {
                    return prefix + answer.status();
                }
            } catch (IOException noAnswer) {
                if (!shouldRetry(0, true, end)) {
                    unanswered.incrementAndGet();
                    return prefix + "io-error";
                }
            }
            retries.incrementAndGet();
            backOff(attempt);
        }
    }

    private String read(String path, Instant end) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                Client.Answer answer = client.get(path);
                if (!shouldRetry(answer.status(), retryUntilAnswered, end) || answer.status() < 500) {
                    return Integer.toString(answer.status());
                }
            } catch (IOException noAnswer) {
                if (!shouldRetry(0, retryUntilAnswered, end)) {
                    return "io-error";
                }
            }
            retries.incrementAndGet();
            backOff(attempt);
        }
    }

    /** Only failures without a final answer, only when asked to, and only until a grace period after the run. */
    private static boolean shouldRetry(int status, boolean retry, Instant end) {
        boolean noFinalAnswer = status == 0 || status >= 500;
        return retry && noFinalAnswer && Instant.now().isBefore(end.plusSeconds(120));
    }

    private static void backOff(int attempt) throws InterruptedException {
        Thread.sleep(Math.min(1000, 50L << Math.min(attempt, 5)));
    }

    private String randomWallet(Random random) {
        return ledger.wallets().get(random.nextInt(ledger.wallets().size()));
    }
}
