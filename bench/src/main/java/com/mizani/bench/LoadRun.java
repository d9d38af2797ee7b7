package com.mizani.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
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
 * a C2B confirmation without a 200 is always sent again, byte for byte, as the provider would. The cluster scenario
 * resends as chaos does, and a 409 {@code CONCURRENT_MODIFICATION} too, which asks for exactly that.
 * <p>
 * With {@code --batch-size} each transfer of the load is instead a batch of that many ({@link TransferBatch}), which
 * is sent until each of its items has a final answer, in every scenario: one lost answer would leave a whole batch of
 * transfers unknown. A batch that got no answer, a 5xx or a 429 {@code RATE_LIMITED} (after its {@code Retry-After})
 * is sent again whole, and one whose items were answered 202, 5xx or 409 {@code CONCURRENT_MODIFICATION} is sent
 * again with those items, always under the same keys.
 * <p>
 * Requests go to the app's nodes in turn ({@link RoundRobin}), so a resend goes to another node when there is one.
 */
final class LoadRun {

    /** One transfer moves this much, so that funded wallets never run dry and refusals stay rare. */
    static final String TRANSFER_AMOUNT = "1.00";
    /** Payouts go in whole shillings; the fee (KES cents) is set on the app, so that captures move amount plus fee. */
    static final String WITHDRAWAL_AMOUNT = "1";
    static final long WITHDRAWAL_FEE_MINOR = 50;

    /**
     * What a worker sends. An fx conversion is not one request but a quote and a transfer ({@link FxConversions}):
     * its requests are counted and timed each as its own operation, and the conversion as a whole besides.
     */
    enum Operation {
        TRANSFER("transfer"), TRANSFER_BATCH("transfer batch"), WITHDRAWAL("withdrawal"), CALLBACK("callback"),
        READ_BALANCE("balance read"), READ_ENTRIES("entries read"), FX_CONVERSION("fx conversion", false),
        FX_QUOTE("fx quote"), FX_TRANSFER("fx transfer"), FX_SPENT_QUOTE("fx transfer on a used quote"),
        FX_RACE("fx racing transfer");

        final String label;
        /** Whether it is one HTTP request (and counts among the requests and their latency). */
        final boolean request;

        Operation(String label) {
            this(label, true);
        }

        Operation(String label, boolean request) {
            this.label = label;
            this.request = request;
        }
    }

    /**
     * @param statusCounts   answers in the measured window by "operation status" ("withdrawal 202"); repeated C2B
     *                       confirmations count as "callback repeat 200", the items of transfer batches as "transfer
     *                       batch item 201", each item once, by the answer that finished it
     * @param retries        every resend of the run, the warm-up's and those after the window included
     * @param resendsByCause the resends of the requests counted in the measured window, by what made the client
     *                       resend ("connection refused", "409 CONCURRENT_MODIFICATION", "503")
     * @param batchSize      transfers per request: 1 for {@code POST /transfers}, more for batches
     */
    record Result(Instant startedAt, Instant measuredFrom, Instant measuredTo, Latencies all,
                  Map<Operation, Latencies> latencies, Map<String, Long> statusCounts, long retries, long unanswered,
                  Map<String, Long> resendsByCause, int batchSize) {
        double seconds() {
            return Duration.between(measuredFrom, measuredTo).toMillis() / 1000.0;
        }

        long requests() {
            return all.count();
        }

        Latencies of(Operation operation) {
            return latencies.get(operation);
        }

        /** Resends of the requests counted in the measured window. */
        long measuredResends() {
            return resendsByCause.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The measured batches' items, by the status each was last answered with: {"201": 9800, "422": 3}. */
        Map<String, Long> batchItemAnswers() {
            Map<String, Long> items = new TreeMap<>();
            statusCounts.forEach((name, count) -> {
                if (name.startsWith(BATCH_ITEM)) {
                    items.put(name.substring(BATCH_ITEM.length()), count);
                }
            });
            return items;
        }

        /** Measured answers of this operation with this status, repeats included. */
        long answers(Operation operation, int status) {
            return statusCounts.getOrDefault(operation.label + " " + status, 0L)
                    + statusCounts.getOrDefault(operation.label + " repeat " + status, 0L);
        }
    }

    private static final String CONCURRENT_MODIFICATION = "CONCURRENT_MODIFICATION";
    private static final String BATCH_ITEM = Operation.TRANSFER_BATCH.label + " item ";
    /** A 429 without {@code Retry-After} (the app always sends one) waits this long before it is sent again. */
    private static final Duration RATE_LIMITED_WAIT = Duration.ofSeconds(1);

    private final BenchOptions options;
    private final RoundRobin nodes;
    private final Ledger ledger;
    private final C2bConfirmations confirmations;
    private final FxConversions conversions;
    private final boolean retryUntilAnswered;
    private final boolean resendConflicts;
    private final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> resendCauses = new ConcurrentHashMap<>();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private volatile Instant stoppedAt;

    LoadRun(BenchOptions options, Client client, Ledger ledger) {
        this(options, RoundRobin.of(client), ledger);
    }

    LoadRun(BenchOptions options, RoundRobin nodes, Ledger ledger) {
        this.options = options;
        this.nodes = nodes;
        this.ledger = ledger;
        this.confirmations = new C2bConfirmations(ledger);
        this.conversions = new FxConversions(ledger);
        boolean cluster = options.scenario().equals(BenchOptions.CLUSTER);
        // The fx audit expects each wallet to hold what the client's answers say moved: no answer may stay unknown.
        // Payroll's interactive load meets the app's restarts when --kills asks for them.
        this.retryUntilAnswered = cluster || options.scenario().equals("chaos")
                || options.scenario().equals(BenchOptions.FX) || options.scenario().equals(BenchOptions.PAYROLL);
        this.resendConflicts = cluster;
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
                if (operation.request) {
                    all.addAll(samples);
                }
            });
        }
        return new Result(start, measuredFrom, endOf(end), all, latencies, snapshot(statusCounts), retries.get(),
                unanswered.get(), snapshot(resendCauses), options.batchSize());
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

    private static Map<String, Long> snapshot(Map<String, AtomicLong> counters) {
        Map<String, Long> counts = new TreeMap<>();
        counters.forEach((name, count) -> counts.put(name, count.get()));
        return counts;
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
            List<String> resends = new ArrayList<>();
            List<String> itemStatuses = new ArrayList<>();
            List<FxConversions.Step> steps = new ArrayList<>();
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            String status = switch (operation) {
                case TRANSFER -> transfer(random, end, resends);
                case TRANSFER_BATCH -> transferBatch(random, end, resends, itemStatuses);
                case WITHDRAWAL -> withdrawal(random, end, resends);
                case CALLBACK -> callback(random, end, resends);
                case READ_BALANCE -> read("/api/v1/wallets/" + randomWallet(random), end, resends);
                case READ_ENTRIES -> read("/api/v1/wallets/" + randomWallet(random) + "/entries?limit=20", end,
                        resends);
                case FX_CONVERSION -> conversions.convert(random, (path, body, key, sent) ->
                        answerOf(path, body, key, end, sent), resends, steps);
                case FX_QUOTE, FX_TRANSFER, FX_SPENT_QUOTE, FX_RACE ->
                        throw new IllegalStateException(operation + " is a step of an fx conversion");
            };
            long elapsed = System.nanoTime() - started;
            if (!startedAt.isBefore(measuredFrom) && Instant.now().isBefore(endOf(end))) {
                latencies.get(operation).add(elapsed);
                statusCounts.computeIfAbsent(operation.label + " " + status, s -> new AtomicLong()).incrementAndGet();
                itemStatuses.forEach(item -> statusCounts.computeIfAbsent(BATCH_ITEM + item, s -> new AtomicLong())
                        .incrementAndGet());
                for (FxConversions.Step step : steps) {
                    latencies.get(step.operation()).add(step.nanos());
                    statusCounts.computeIfAbsent(step.operation().label + " " + step.status(), s -> new AtomicLong())
                            .incrementAndGet();
                }
                resends.forEach(cause -> resendCauses.computeIfAbsent(cause, c -> new AtomicLong()).incrementAndGet());
            }
        }
    }

    private Operation nextOperation(Random random) {
        Operation transfer = options.batchSize() > 1 ? Operation.TRANSFER_BATCH : Operation.TRANSFER;
        return switch (options.scenario()) {
            case "mixed" -> {
                int dice = random.nextInt(10);
                // Writes to reads at 4:1, the reads split between balances and entries.
                yield dice < 8 ? transfer : dice == 8 ? Operation.READ_BALANCE : Operation.READ_ENTRIES;
            }
            case "chaos" -> {
                // As mixed, with one write in eight a payout, so that kills also hit payouts in flight.
                int dice = random.nextInt(10);
                yield dice < 7 ? Operation.TRANSFER : dice == 7 ? Operation.WITHDRAWAL
                        : dice == 8 ? Operation.READ_BALANCE : Operation.READ_ENTRIES;
            }
            case "withdrawals" -> Operation.WITHDRAWAL;
            case "callbacks" -> Operation.CALLBACK;
            case BenchOptions.FX -> Operation.FX_CONVERSION;
            // transfers, hot-wallet, and the background loads of read-your-writes and payroll
            default -> transfer;
        };
    }

    /** The two wallets of a transfer. */
    private record Pair(String source, String destination) {
    }

    /** In hot-wallet the first wallet pays every transfer; otherwise a random one does. */
    private Pair pair(Random random) {
        List<String> wallets = ledger.wallets();
        String source = options.scenario().equals("hot-wallet") ? wallets.getFirst() : randomWallet(random);
        String destination;
        do {
            destination = wallets.get(1 + random.nextInt(wallets.size() - 1));
        } while (destination.equals(source));
        return new Pair(source, destination);
    }

    private String transfer(Random random, Instant end, List<String> resends) throws InterruptedException {
        Pair pair = pair(random);
        String key = UUID.randomUUID().toString();
        String body = Client.transferJson(pair.source(), pair.destination(), TRANSFER_AMOUNT, Ledger.CURRENCY);
        String routingKey = options.routeByWallet() ? pair.source() : null;
        return post("/api/v1/transfers", body, key, routingKey, end, retryUntilAnswered, resends,
                answer -> ledger.acknowledgeTransfer(key, answer));
    }

    /**
     * {@code --batch-size} transfers in one request, each between wallets picked as {@link #transfer} picks them, sent
     * until every item has a final answer or the grace after the run is over (class comment).
     *
     * @param itemStatuses gets the status each answered item ended with
     * @return the status of the last answer to the batch as a whole, or "io-error" if it got none
     */
    private String transferBatch(Random random, Instant end, List<String> resends, List<String> itemStatuses)
            throws InterruptedException {
        List<TransferBatch.Item> items = new ArrayList<>(options.batchSize());
        for (int i = 0; i < options.batchSize(); i++) {
            Pair pair = pair(random);
            items.add(new TransferBatch.Item(UUID.randomUUID().toString(), pair.source(), pair.destination()));
        }
        TransferBatch batch = new TransferBatch(items, ledger);
        try {
            for (int attempt = 0; ; attempt++) {
                Duration rateLimited = null;
                String resend;
                Client node = nodes.next();
                try {
                    Client.Answer answer = node.postBatch(TransferBatch.PATH, batch.body());
                    if (answer.status() == 200) {
                        batch.read(answer);
                        resend = batch.done() ? null : batch.resendCause();
                    } else if (answer.status() == 429) {
                        rateLimited = answer.retryAfterOr(RATE_LIMITED_WAIT);
                        resend = cause(answer);
                    } else {
                        resend = answer.status() >= 500 ? cause(answer) : null;
                    }
                    if (resend == null || !withinGrace(end)) {
                        return Integer.toString(answer.status());
                    }
                } catch (IOException noAnswer) {
                    nodes.unreachable(node);
                    if (!withinGrace(end)) {
                        unanswered.incrementAndGet();
                        return "io-error";
                    }
                    resend = cause(noAnswer);
                }
                resends.add(resend);
                retries.incrementAndGet();
                if (rateLimited != null) {
                    Thread.sleep(rateLimited.toMillis());
                } else {
                    backOffAfterRound(attempt);
                }
            }
        } finally {
            itemStatuses.addAll(batch.itemStatuses());
        }
    }

    /** A payout of 1 KES to a random Kenyan number; 202 means the money is held, 422 that it was refused. */
    private String withdrawal(Random random, Instant end, List<String> resends) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        String msisdn = "2547" + String.format("%08d", random.nextInt(100_000_000));
        String body = Client.withdrawalJson(randomWallet(random), WITHDRAWAL_AMOUNT, Ledger.CURRENCY, msisdn);
        return post("/api/v1/withdrawals", body, key, null, end, false, resends, answer -> {
            if (answer.status() == 202 || answer.status() == 422) {
                ledger.acknowledgePayout(key, new Ledger.AcknowledgedPayout(Client.field(answer.body(), "paymentId"),
                        answer.status(), answer.status() == 422 ? Client.field(answer.body(), "code")
                        : Client.field(answer.body(), "status")));
            }
        });
    }

    /**
     * Sends until a final answer (2xx or 4xx), resending with the same key while chaos or the cluster ask for it.
     *
     * @param routingKey the wallet whose node the request goes to ({@code --route-by-wallet}); null for the next node
     * @param untilDone whether a 202 is followed up too: a transfer's 202 says it is not done yet, not that it is
     *                  stored, so a client that must know repeats the request with its key (README) until it is, which
     *                  carries it out if the app stopped before it did
     * @param resends   gets the cause of each resend of this request
     */
    private String post(String path, String body, String key, String routingKey, Instant end, boolean untilDone,
                        List<String> resends, Consumer<Client.Answer> acknowledge) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Client node = routingKey == null ? nodes.next() : nodes.forKey(routingKey);
            try {
                Client.Answer answer = node.post(path, body, key);
                acknowledge.accept(answer);
                boolean followUp = untilDone && answer.status() == 202;
                if (!followUp && !shouldResend(answer, end)) {
                    return Integer.toString(answer.status());
                }
                resends.add(followUp ? "202 followed up" : cause(answer));
            } catch (IOException noAnswer) {
                nodes.unreachable(node);
                if (!shouldRetry(0, retryUntilAnswered, end)) {
                    unanswered.incrementAndGet();
                    return "io-error";
                }
                resends.add(cause(noAnswer));
            }
            retries.incrementAndGet();
            backOffAfterRound(attempt);
        }
    }

    /** {@link #post}, sent until it has a final answer, 202s followed up: that answer, or null if none came. */
    private Client.Answer answerOf(String path, String body, String key, Instant end, List<String> resends)
            throws InterruptedException {
        Client.Answer[] last = new Client.Answer[1];
        String status = post(path, body, key, null, end, true, resends, answer -> last[0] = answer);
        return status.equals("io-error") ? null : last[0];
    }

    private String callback(Random random, Instant end, List<String> resends) throws InterruptedException {
        C2bConfirmations.Confirmation confirmation = confirmations.next(random);
        String prefix = confirmation.repeat() ? "repeat " : "";
        for (int attempt = 0; ; attempt++) {
            Client node = nodes.next();
            try {
                Client.Answer answer = node.callback(C2bConfirmations.PATH, confirmation.body(),
                        confirmation.signature());
                if (answer.status() == 200) {
                    confirmations.answered(confirmation);
                }
                if (answer.status() == 200 || !shouldRetry(answer.status(), true, end)) {
                    return prefix + answer.status();
                }
                resends.add(cause(answer));
            } catch (IOException noAnswer) {
                nodes.unreachable(node);
                if (!shouldRetry(0, true, end)) {
                    unanswered.incrementAndGet();
                    return prefix + "io-error";
                }
                resends.add(cause(noAnswer));
            }
            retries.incrementAndGet();
            backOffAfterRound(attempt);
        }
    }

    private String read(String path, Instant end, List<String> resends) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            Client node = nodes.next();
            try {
                Client.Answer answer = node.get(path);
                if (!shouldRetry(answer.status(), retryUntilAnswered, end) || answer.status() < 500) {
                    return Integer.toString(answer.status());
                }
                resends.add(cause(answer));
            } catch (IOException noAnswer) {
                nodes.unreachable(node);
                if (!shouldRetry(0, retryUntilAnswered, end)) {
                    return "io-error";
                }
                resends.add(cause(noAnswer));
            }
            retries.incrementAndGet();
            backOffAfterRound(attempt);
        }
    }

    /**
     * {@link #shouldRetry}, and in the cluster a 409 {@code CONCURRENT_MODIFICATION} as well: the app's word for
     * "repeat the request with the same Idempotency-Key", which a node whose view of a wallet is behind another
     * node's answers.
     */
    private boolean shouldResend(Client.Answer answer, Instant end) {
        if (resendConflicts && answer.status() == 409 && CONCURRENT_MODIFICATION.equals(code(answer))) {
            return withinGrace(end);
        }
        return shouldRetry(answer.status(), retryUntilAnswered, end);
    }

    /** Only failures without a final answer, only when asked to, and only until a grace period after the run. */
    private static boolean shouldRetry(int status, boolean retry, Instant end) {
        boolean noFinalAnswer = status == 0 || status >= 500;
        return retry && noFinalAnswer && withinGrace(end);
    }

    private static boolean withinGrace(Instant end) {
        return Instant.now().isBefore(end.plusSeconds(120));
    }

    /** An answer that made the client resend, by its status and the problem's code if it has one: "503 ...". */
    static String cause(Client.Answer answer) {
        String code = code(answer);
        return code == null ? Integer.toString(answer.status()) : answer.status() + " " + code;
    }

    /** A request that got no answer, by why: its node gone (refused), gone in the middle (reset), or too slow. */
    static String cause(IOException noAnswer) {
        if (noAnswer instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (noAnswer instanceof ConnectException || noAnswer.getCause() instanceof ConnectException) {
            return "connection refused";
        }
        return "connection reset or closed";
    }

    private static String code(Client.Answer answer) {
        return answer.body() == null || answer.body().isEmpty() ? null : Client.field(answer.body(), "code");
    }

    /**
     * A resend goes to the next node at once, since that is another node when there are several; once every node has
     * had its try, the client backs off before the next round. With one node that is before every resend.
     */
    private void backOffAfterRound(int attempt) throws InterruptedException {
        if ((attempt + 1) % nodes.size() == 0) {
            backOff(attempt / nodes.size());
        }
    }

    private static void backOff(int round) throws InterruptedException {
        Thread.sleep(Math.min(1000, 50L << Math.min(round, 5)));
    }

    private String randomWallet(Random random) {
        return ledger.wallets().get(random.nextInt(ledger.wallets().size()));
    }
}
