package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The read-your-writes scenario: whether a GET sent right after a write's 2xx answer shows that write, and what it
 * costs. One client thread, strictly sequential, makes each write, waits for its answer, then sends at once one plain
 * GET of what the write changed (no retry, no pause) and judges it, then the same GET of a resource no write of the
 * probe changes (the control). A GET that does not show the write is a stale read: counted, never retried, not an
 * error of the harness. A write answered other than 2xx is an error: counted, and the wallet it touched is read
 * again from its events so that the next iteration expects the right balance.
 * <p>
 * Each iteration makes three writes, which are judged as four kinds:
 * <ul>
 *   <li>{@code wallet-open}: {@code POST /wallets}, then {@code GET /wallets/{id}} must be 200 with that wallet;</li>
 *   <li>{@code deposit}: a CASH {@code POST /deposits} of {@value #AMOUNT} KES into a funded probe wallet, then
 *       {@code GET /wallets/{id}} must show its balance before plus the amount (the harness tracks it: only the probe
 *       uses that wallet);</li>
 *   <li>{@code payment}: the same deposit's {@code Location} ({@code GET /payments/{id}}) must show the status the
 *       POST answered;</li>
 *   <li>{@code transfer}: {@code POST /transfers} of {@value #AMOUNT} KES between two probe wallets, answered
 *       201 COMPLETED, then {@code GET /transfers/{id}} must show COMPLETED and {@code GET /wallets/{source}} the
 *       debited balance.</li>
 * </ul>
 * With {@code --concurrency} above 0 a closed-loop transfer load ({@link LoadRun}) runs among {@code --wallets} other
 * funded wallets for as long as the probe does. Afterwards the usual {@link Audit} checks the books, the probe's
 * deposits and transfers included.
 */
final class ReadYourWrites {

    static final String AMOUNT = "1.00";
    static final long AMOUNT_MINOR = Funding.minor(AMOUNT);
    /** What each probe wallet that pays or is paid is funded with: far more than the probe ever moves. */
    static final String PROBE_FUNDING = Funding.PER_WALLET;
    private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);
    private static final int EXAMPLES = 3;
    private static final Set<String> FINAL_TRANSFER = Set.of("COMPLETED", "FAILED", "REJECTED");

    /** What a probe GET showed: the write, not yet the write (stale), or no usable answer at all. */
    enum Verdict { FRESH, STALE, READ_ERROR }

    /**
     * One GET that must reflect the write just answered, with its control: the same GET of a resource that no write of
     * the probe changes, sent right after it.
     */
    static final class Check {
        final String read;
        final String mustShow;
        final String control;
        final Latencies probe = new Latencies();
        final Latencies controlLatency = new Latencies();
        final Latencies sinceWriteAnswer = new Latencies();
        long judged;
        long stale;
        long readErrors;
        long controlAnomalies;
        final List<String> staleExamples = new ArrayList<>();
        final List<String> otherExamples = new ArrayList<>();

        Check(String read, String mustShow, String control) {
            this.read = read;
            this.mustShow = mustShow;
            this.control = control;
        }

        /**
         * @param shown          what the probe GET showed instead of the write, for a stale or failed read
         * @param controlShown   null if the control GET showed what it always shows, else what it showed
         */
        void record(Verdict verdict, String shown, long probeNanos, long controlNanos, long sinceAnswerNanos,
                    String controlShown) {
            judged++;
            probe.add(probeNanos);
            controlLatency.add(controlNanos);
            sinceWriteAnswer.add(sinceAnswerNanos);
            switch (verdict) {
                case STALE -> {
                    stale++;
                    example(staleExamples, shown);
                }
                case READ_ERROR -> {
                    readErrors++;
                    example(otherExamples, "read error: " + shown);
                }
                case FRESH -> {
                }
            }
            if (controlShown != null) {
                controlAnomalies++;
                example(otherExamples, "control: " + controlShown);
            }
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("read", read);
            figures.put("mustShow", mustShow);
            figures.put("judged", judged);
            figures.put("stale", stale);
            figures.put("stalePercent", percent(stale, judged));
            figures.put("readErrors", readErrors);
            figures.put("getLatencyMs", Report.latency(probe));
            figures.put("control", control);
            figures.put("controlGetLatencyMs", Report.latency(controlLatency));
            figures.put("addedLatencyMs", added(probe, controlLatency));
            figures.put("sentAfterWriteAnswerMs", Map.of("p50", Report.round(sinceWriteAnswer.percentileMs(50)),
                    "max", Report.round(sinceWriteAnswer.maxMs())));
            figures.put("controlAnomalies", controlAnomalies);
            figures.put("staleExamples", List.copyOf(staleExamples));
            figures.put("otherExamples", List.copyOf(otherExamples));
            return figures;
        }
    }

    /** A write the probe makes: its measured latencies and answers. */
    static final class Write {
        final String request;
        final Latencies latency = new Latencies();
        final Map<String, Long> answers = new TreeMap<>();
        long errors;
        final List<String> errorExamples = new ArrayList<>();

        Write(String request) {
            this.request = request;
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("request", request);
            figures.put("sent", latency.count());
            figures.put("latencyMs", Report.latency(latency));
            figures.put("answers", Map.copyOf(answers));
            figures.put("errors", errors);
            figures.put("errorExamples", List.copyOf(errorExamples));
            return figures;
        }
    }

    /** One kind of write as judged: its iterations, and how many of them had a GET that did not show the write. */
    static final class Kind {
        final String name;
        final Write write;
        final List<Check> checks;
        long iterations;
        long staleIterations;
        final Map<String, Long> notJudged = new TreeMap<>();

        Kind(String name, Write write, Check... checks) {
            this.name = name;
            this.write = write;
            this.checks = List.of(checks);
        }

        /** An iteration is stale if any of its GETs was. */
        void judged(Verdict... verdicts) {
            iterations++;
            if (List.of(verdicts).contains(Verdict.STALE)) {
                staleIterations++;
            }
        }

        void notJudged(String why) {
            notJudged.merge(why, 1L, Long::sum);
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("write", write.request);
            figures.put("iterations", iterations);
            figures.put("staleReads", staleIterations);
            figures.put("stalePercent", percent(staleIterations, iterations));
            figures.put("notJudged", Map.copyOf(notJudged));
            figures.put("writeLatencyMs", Map.of("p50", Report.round(write.latency.percentileMs(50)),
                    "p99", Report.round(write.latency.percentileMs(99))));
            figures.put("writeErrors", write.errors);
            figures.put("reads", checks.stream().map(Check::figures).toList());
            return figures;
        }
    }

    /** A GET as the probe sent it: its answer (status 0 if none came), when it was sent and how long it took. */
    record Read(int status, String body, long sentNanos, long nanos) {
    }

    private final Client client;
    private final Ledger ledger;
    private final Write openWrite = new Write("POST /api/v1/wallets");
    private final Write depositWrite = new Write("POST /api/v1/deposits (CASH, " + AMOUNT + " " + Ledger.CURRENCY + ")");
    private final Write transferWrite = new Write("POST /api/v1/transfers (" + AMOUNT + " " + Ledger.CURRENCY
            + ", between two probe wallets)");
    private final Check openedWallet = new Check("GET /api/v1/wallets/{id} of the wallet just opened",
            "200 with that wallet", "GET /api/v1/wallets/{control wallet}");
    private final Check depositBalance = new Check("GET /api/v1/wallets/{id} of the wallet paid into",
            "available = before + amount", "GET /api/v1/wallets/{control wallet}");
    private final Check paymentStatus = new Check("GET {Location} of the deposit (/api/v1/payments/{id})",
            "the status the POST answered", "GET /api/v1/payments/{control payment}");
    private final Check transferStatus = new Check("GET /api/v1/transfers/{id}", "COMPLETED",
            "GET /api/v1/transfers/{control transfer}");
    private final Check sourceBalance = new Check("GET /api/v1/wallets/{source}", "available = before - amount",
            "GET /api/v1/wallets/{control wallet}");
    private final Kind walletOpen = new Kind("wallet-open", openWrite, openedWallet);
    private final Kind deposit = new Kind("deposit", depositWrite, depositBalance);
    private final Kind payment = new Kind("payment", depositWrite, paymentStatus);
    private final Kind transfer = new Kind("transfer", transferWrite, transferStatus, sourceBalance);

    private String depositWallet;
    private long depositWalletMinor;
    private String source;
    private long sourceMinor;
    private String destination;
    private String controlWallet;
    private long controlWalletMinor;
    private String controlPayment;
    private String controlTransfer;

    private ReadYourWrites(Client client, Ledger ledger) {
        this.client = client;
        this.ledger = ledger;
    }

    /**
     * Runs the scenario on a started app. {@code client} carries {@code tokens}; the probe gets a client of its own
     * (its own connection pool), so that the background load's connections never stand in its way.
     */
    static Report run(BenchOptions options, Instant startedAt, AppProcess app, Postgres postgres, Provider provider,
                      Client client, BearerTokens tokens, Map<String, Object> settings) throws Exception {
        Ledger ledger = options.concurrency() > 0
                ? Funding.fund(client, options.wallets(), Math.max(8, options.concurrency()))
                : new Ledger(List.of());
        ReadYourWrites probe = new ReadYourWrites(Client.authenticated(app.baseUrl(), tokens), ledger);
        probe.setUp();
        BenchMain.log("probe wallets funded and visible; %s warm-up, then %d iterations of each kind%s",
                options.warmup(), options.iterations(), options.concurrency() > 0
                        ? " under a background load of %d workers on %d wallets".formatted(options.concurrency(),
                        options.wallets()) : " on an idle app");

        LoadRun background = null;
        CompletableFuture<LoadRun.Result> backgroundResult = null;
        if (options.concurrency() > 0) {
            // Long enough for any probe: it is stopped when the probe is done.
            background = new LoadRun(options.withDuration(Duration.ofHours(1)), client, ledger);
            LoadRun load = background;
            backgroundResult = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.run();
                } catch (Exception failed) {
                    throw new CompletionException(failed);
                }
            });
        }
        Window window;
        try {
            window = probe.measure(options, app);
        } finally {
            if (background != null) {
                background.stop();
            }
        }
        LoadRun.Result load = backgroundResult == null ? null : backgroundResult.get();
        double seconds = window.seconds();
        BenchMain.log("probe done: %d iterations in %.1f s (%d in the warm-up); stale: wallet-open %d, deposit %d, "
                        + "payment %d, transfer %d; auditing", options.iterations(), seconds, window.warmupIterations(),
                probe.walletOpen.staleIterations, probe.deposit.staleIterations, probe.payment.staleIterations,
                probe.transfer.staleIterations);

        Audit.Result audit = Audit.run(client, postgres, ledger, provider, true);
        ReadModelFigures.Result readModel;
        try (Connection db = postgres.connect()) {
            readModel = ReadModelFigures.measure(db, window.from(), window.to());
        }
        Map<String, Object> figures = probe.figures(options.iterations(), window.warmupIterations(), seconds);
        figures.put("background", load == null ? "none (--concurrency 0)" : background(load));
        figures.put("projectionLagMs", Map.of("p50", Report.round(readModel.lagP50Ms()),
                "p99", Report.round(readModel.lagP99Ms()), "max", Report.round(readModel.lagMaxMs()),
                "transfers", readModel.completedVisible()));
        figures.put("appCpuCoresUsed", Report.round(window.appCpuSeconds() / seconds));
        figures.put("bearerTokens", tokens.statistics());
        Map<String, Object> described = settings(settings, options);
        described.put("loadAverageAtProbeStart", window.loadAtStart());
        described.put("loadAverageAtProbeEnd", window.loadAtEnd());
        return new Report(options.scenario(), startedAt, described, figures, null, audit);
    }

    /** The probe's measured iterations: when they ran, after how many warm-up ones, and what the box did meanwhile. */
    private record Window(Instant from, Instant to, int warmupIterations, double appCpuSeconds, String loadAtStart,
                          String loadAtEnd) {
        double seconds() {
            return Duration.between(from, to).toMillis() / 1000.0;
        }
    }

    /** Iterations for {@code --warmup}, unmeasured; then {@code --iterations}, measured. */
    private Window measure(BenchOptions options, AppProcess app) throws InterruptedException {
        Instant warmupEnd = Instant.now().plus(options.warmup());
        int warmupIterations = 0;
        while (Instant.now().isBefore(warmupEnd)) {
            iteration(false);
            warmupIterations++;
        }
        Instant from = Instant.now();
        // The box may be shared: what else ran during the probe shows in its latencies.
        String loadAtStart = ReplayScenario.loadAverage();
        double cpuAtStart = app.totalCpuSeconds();
        for (int i = 0; i < options.iterations(); i++) {
            iteration(true);
        }
        double cpu = app.totalCpuSeconds() - cpuAtStart;
        return new Window(from, Instant.now(), warmupIterations, cpu, loadAtStart, ReplayScenario.loadAverage());
    }

    private static Map<String, Object> background(LoadRun.Result load) {
        double seconds = load.seconds();
        Latencies transfers = load.of(LoadRun.Operation.TRANSFER);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("measuredSeconds", seconds);
        figures.put("transferRequests", transfers.count());
        figures.put("transferRequestsPerSecond", Report.round(transfers.count() / seconds));
        figures.put("completedTransfersPerSecond",
                Report.round(load.answers(LoadRun.Operation.TRANSFER, 201) / seconds));
        figures.put("transferLatencyMs", Report.latency(transfers));
        figures.put("statusCounts", load.statusCounts());
        figures.put("unanswered", load.unanswered());
        return figures;
    }

    private static Map<String, Object> settings(Map<String, Object> common, BenchOptions options) {
        Map<String, Object> settings = new LinkedHashMap<>(common);
        settings.remove("durationSeconds");
        settings.remove("withdrawalAmount");
        settings.remove("c2bConfirmations");
        settings.remove("load");
        settings.put("iterationsPerKind", options.iterations());
        settings.put("concurrency", options.concurrency() + " background workers");
        settings.put("wallets", options.concurrency() > 0 ? options.wallets() + " funded wallets, the background's"
                : "none funded besides the probe's 4 (no background load)");
        settings.put("transferAmount", AMOUNT + " " + Ledger.CURRENCY + " (probe and background)");
        settings.put("probe", "one thread, strictly sequential, its own HTTP/1.1 connection pool (Java HttpClient), "
                + "same machine: write, its answer, one GET of what it changed (no retry, no pause), one control GET "
                + "of an unchanged resource; per iteration a wallet opening, a CASH deposit of " + AMOUNT + " "
                + Ledger.CURRENCY + " (then the wallet and the payment read) and a transfer of " + AMOUNT + " "
                + Ledger.CURRENCY + " (then the transfer and its source read)");
        settings.put("background", options.concurrency() > 0
                ? "closed loop of transfers between random funded wallets the probe never uses, from the start of the "
                + "warm-up to the end of the probe, Java HttpClient (HTTP/1.1) on virtual threads"
                : "none");
        return settings;
    }

    Map<String, Object> figures(int iterations, int warmupIterations, double seconds) {
        return figures(iterations, warmupIterations, seconds, List.of(walletOpen, deposit, payment, transfer));
    }

    /** The probe's figures from its kinds; a write two kinds share (the deposit) is listed and counted once. */
    static Map<String, Object> figures(int iterations, int warmupIterations, double seconds, List<Kind> kinds) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("iterationsPerKind", iterations);
        figures.put("warmupIterationsPerKind", warmupIterations);
        figures.put("measuredSeconds", seconds);
        Map<String, Object> byName = new LinkedHashMap<>();
        kinds.forEach(kind -> byName.put(kind.name, kind.figures()));
        figures.put("kinds", byName);
        List<Write> writes = kinds.stream().map(kind -> kind.write).distinct().toList();
        figures.put("writes", writes.stream().map(Write::figures).toList());
        figures.put("writeErrors", writes.stream().mapToLong(write -> write.errors).sum());
        figures.put("controlAnomalies", kinds.stream().flatMap(kind -> kind.checks.stream())
                .mapToLong(check -> check.controlAnomalies).sum());
        return figures;
    }

    private void iteration(boolean measured) throws InterruptedException {
        openWallet(measured);
        depositCash(measured);
        transfer(measured);
    }

    private void openWallet(boolean measured) throws InterruptedException {
        Client.Answer answer = write(openWrite, measured, "/api/v1/wallets", openJson());
        long answered = System.nanoTime();
        if (!success(answer)) {
            if (measured) {
                walletOpen.notJudged("write not 2xx");
            }
            return;
        }
        String wallet = Client.field(answer.body(), "walletId");
        Verdict opened = probe(openedWallet, measured, answered, "/api/v1/wallets/" + wallet,
                body -> wallet.equals(body.path("walletId").asText()) ? null : "wallet " + body.path("walletId"),
                "/api/v1/wallets/" + controlWallet, balance(controlWalletMinor));
        if (measured) {
            walletOpen.judged(opened);
        }
    }

    private void depositCash(boolean measured) throws InterruptedException {
        Client.Answer answer = write(depositWrite, measured, "/api/v1/deposits",
                Client.depositJson(depositWallet, AMOUNT, Ledger.CURRENCY));
        long answered = System.nanoTime();
        String status = success(answer) ? Client.field(answer.body(), "status") : null;
        if (!"SETTLED".equals(status)) {
            // Not credited at once (or not known whether): not judged, and the balance read again from the events.
            if (measured) {
                String why = success(answer) ? "answered " + answer.status() + " " + status : "write not 2xx";
                deposit.notJudged(why);
                payment.notJudged(why);
            }
            resyncDepositWallet();
            return;
        }
        depositWalletMinor += AMOUNT_MINOR;
        ledger.deposited(AMOUNT_MINOR);
        long expected = depositWalletMinor;
        Verdict balance = probe(depositBalance, measured, answered, "/api/v1/wallets/" + depositWallet,
                balance(expected), "/api/v1/wallets/" + controlWallet, balance(controlWalletMinor));
        if (measured) {
            deposit.judged(balance);
        }
        if (answer.location() == null) {
            if (measured) {
                payment.notJudged("answered without a Location");
            }
            return;
        }
        Verdict shown = probe(paymentStatus, measured, answered, answer.location(), status(status),
                "/api/v1/payments/" + controlPayment, status("SETTLED"));
        if (measured) {
            payment.judged(shown);
        }
    }

    private void transfer(boolean measured) throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Client.Answer answer = write(transferWrite, measured, "/api/v1/transfers",
                Client.transferJson(source, destination, AMOUNT, Ledger.CURRENCY), key);
        long answered = System.nanoTime();
        String transferId = answer == null ? null : Client.field(answer.body(), "transferId");
        String status = answer == null ? null : Client.field(answer.body(), "status");
        if (answer != null && (answer.status() == 201 || answer.status() == 202 || answer.status() == 422)) {
            // The audit checks the probe's transfers as the load's: each in the ledger once, as the client was told.
            ledger.acknowledge(key, new Ledger.Acknowledged(transferId, answer.status(),
                    answer.status() == 422 ? Client.field(answer.body(), "code") : status));
        }
        if (answer == null || answer.status() != 201 || !"COMPLETED".equals(status)) {
            if (measured) {
                transfer.notJudged(success(answer) ? "answered " + answer.status() + " " + status : "write not 2xx");
            }
            if (transferId != null && success(answer)) {
                awaitFinal(transferId);
            }
            resyncSource();
            return;
        }
        sourceMinor -= AMOUNT_MINOR;
        Verdict completed = probe(transferStatus, measured, answered, "/api/v1/transfers/" + transferId,
                status("COMPLETED"), "/api/v1/transfers/" + controlTransfer, status("COMPLETED"));
        Verdict debited = probe(sourceBalance, measured, answered, "/api/v1/wallets/" + source, balance(sourceMinor),
                "/api/v1/wallets/" + controlWallet, balance(controlWalletMinor));
        if (measured) {
            transfer.judged(completed, debited);
        }
    }

    private Client.Answer write(Write write, boolean measured, String path, String json) throws InterruptedException {
        return write(write, measured, path, json, UUID.randomUUID().toString());
    }

    /** The write, timed; null if no answer came. A measured answer other than 2xx is counted as an error. */
    private Client.Answer write(Write write, boolean measured, String path, String json, String key)
            throws InterruptedException {
        long started = System.nanoTime();
        Client.Answer answer;
        try {
            answer = client.post(path, json, key);
        } catch (IOException noAnswer) {
            if (measured) {
                write.latency.add(System.nanoTime() - started);
                write.answers.merge("io-error", 1L, Long::sum);
                write.errors++;
                example(write.errorExamples, noAnswer.toString());
            }
            return null;
        }
        if (measured) {
            write.latency.add(System.nanoTime() - started);
            write.answers.merge(Integer.toString(answer.status()), 1L, Long::sum);
            if (!success(answer)) {
                write.errors++;
                example(write.errorExamples, answer.status() + " " + answer.body());
            }
        }
        return answer;
    }

    /**
     * The probe GET, at once, then the control GET; both judged and, when measured, recorded.
     *
     * @param shows        null if the probe GET's 200 body shows the write, else what it shows instead
     * @param controlShows the same for the control GET's body, which shows the same thing every time
     */
    private Verdict probe(Check check, boolean measured, long answeredNanos, String path,
                          Function<JsonNode, String> shows, String controlPath, Function<JsonNode, String> controlShows)
            throws InterruptedException {
        Read read = get(path);
        Read control = get(controlPath);
        String[] shown = new String[1];
        Verdict verdict = judge(read, shows, shown);
        String controlShown = null;
        if (judge(control, controlShows, new String[1]) != Verdict.FRESH) {
            controlShown = control.status() + " " + (control.status() == 200 ? abbreviate(control.body())
                    : Client.field(control.body(), "code"));
        }
        if (measured) {
            check.record(verdict, shown[0], read.nanos(), control.nanos(), read.sentNanos() - answeredNanos,
                    controlShown);
        }
        return verdict;
    }

    /**
     * A 200 whose body shows the write is fresh; a 200 that does not, or a 404 (the resource not there yet), is
     * stale; anything else (no answer, 5xx, 401, 429…) is a read error, neither fresh nor stale.
     *
     * @param shown where what the GET showed instead goes, for the report's examples
     */
    static Verdict judge(Read read, Function<JsonNode, String> shows, String[] shown) {
        if (read.status() == 200) {
            String mismatch = shows.apply(new Client.Answer(read.status(), read.body()).json());
            shown[0] = mismatch;
            return mismatch == null ? Verdict.FRESH : Verdict.STALE;
        }
        String code = read.status() == 0 ? null : Client.field(read.body(), "code");
        shown[0] = read.status() == 0 ? read.body()
                : read.status() + " " + (code != null ? code : abbreviate(read.body()));
        return read.status() == 404 ? Verdict.STALE : Verdict.READ_ERROR;
    }

    /** A wallet's body shows this available balance. */
    static Function<JsonNode, String> balance(long expectedMinor) {
        return body -> {
            String available = body.path("available").asText(null);
            if (available == null) {
                return "no available balance";
            }
            long shown = Funding.minor(available);
            return shown == expectedMinor ? null
                    : "available %s, expected %s".formatted(available, java.math.BigDecimal.valueOf(expectedMinor, 2));
        };
    }

    static Function<JsonNode, String> status(String expected) {
        return body -> {
            String shown = body.path("status").asText(null);
            return expected.equals(shown) ? null : "status " + shown + ", expected " + expected;
        };
    }

    private Read get(String path) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            Client.Answer answer = client.get(path);
            return new Read(answer.status(), answer.body(), sent, System.nanoTime() - sent);
        } catch (IOException noAnswer) {
            return new Read(0, noAnswer.toString(), sent, System.nanoTime() - sent);
        }
    }

    /**
     * The probe's own wallets, funded, and the control resources, all visible in the read model before the first
     * iteration: a control wallet (funded once, then paying one transfer, never touched again), its funding deposit
     * (the control payment) and that transfer (the control transfer).
     */
    private void setUp() throws Exception {
        depositWallet = open();
        depositWalletMinor = fund(depositWallet);
        source = open();
        sourceMinor = fund(source);
        destination = open();
        fund(destination);
        controlWallet = open();
        controlPayment = Client.field(require(client.post("/api/v1/deposits",
                Client.depositJson(controlWallet, PROBE_FUNDING, Ledger.CURRENCY), UUID.randomUUID().toString()),
                201).body(), "paymentId");
        ledger.deposited(Funding.minor(PROBE_FUNDING));
        String key = UUID.randomUUID().toString();
        Client.Answer transferred = require(client.post("/api/v1/transfers",
                Client.transferJson(controlWallet, destination, AMOUNT, Ledger.CURRENCY), key), 201);
        controlTransfer = Client.field(transferred.body(), "transferId");
        ledger.acknowledge(key, new Ledger.Acknowledged(controlTransfer, 201,
                Client.field(transferred.body(), "status")));
        controlWalletMinor = Funding.minor(PROBE_FUNDING) - AMOUNT_MINOR;
        awaitVisible("/api/v1/wallets/" + depositWallet, balance(depositWalletMinor));
        awaitVisible("/api/v1/wallets/" + source, balance(sourceMinor));
        awaitVisible("/api/v1/wallets/" + controlWallet, balance(controlWalletMinor));
        awaitVisible("/api/v1/payments/" + controlPayment, status("SETTLED"));
        awaitVisible("/api/v1/transfers/" + controlTransfer, status("COMPLETED"));
    }

    private String open() throws Exception {
        return Client.field(require(client.post("/api/v1/wallets", openJson(), UUID.randomUUID().toString()), 201)
                .body(), "walletId");
    }

    private long fund(String wallet) throws Exception {
        require(client.post("/api/v1/deposits", Client.depositJson(wallet, PROBE_FUNDING, Ledger.CURRENCY),
                UUID.randomUUID().toString()), 201);
        ledger.deposited(Funding.minor(PROBE_FUNDING));
        return Funding.minor(PROBE_FUNDING);
    }

    private static String openJson() {
        return "{\"ownerId\":\"%s\",\"currency\":\"%s\"}".formatted(UUID.randomUUID(), Ledger.CURRENCY);
    }

    private void awaitVisible(String path, Function<JsonNode, String> shows) throws Exception {
        Instant deadline = Instant.now().plus(VISIBLE_TIMEOUT);
        String[] shown = new String[1];
        while (judge(get(path), shows, shown) != Verdict.FRESH) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the probe's setup is not visible after " + VISIBLE_TIMEOUT + ": GET "
                        + path + " shows " + shown[0]);
            }
            Thread.sleep(100);
        }
    }

    /** After a transfer answered 202: until it has a final status, so that the source's balance is known again. */
    private void awaitFinal(String transferId) throws InterruptedException {
        Instant deadline = Instant.now().plus(VISIBLE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Read read = get("/api/v1/transfers/" + transferId);
            if (read.status() == 200 && FINAL_TRANSFER.contains(Client.field(read.body(), "status"))) {
                return;
            }
            Thread.sleep(100);
        }
    }

    /**
     * After a deposit whose effect is not known: the wallet's balance replayed from its events (the event store, no
     * projection), after a pause for a request that may still be in flight. What it adds beyond the expected balance
     * was deposited, and so counts for the audit.
     */
    private void resyncDepositWallet() throws InterruptedException {
        long replayed = replayedMinor(depositWallet);
        ledger.deposited(replayed - depositWalletMinor);
        depositWalletMinor = replayed;
    }

    private void resyncSource() throws InterruptedException {
        sourceMinor = replayedMinor(source);
    }

    private long replayedMinor(String wallet) throws InterruptedException {
        Thread.sleep(1000);
        Read read = get("/api/v1/audit/wallets/" + wallet + "/replay");
        if (read.status() != 200) {
            throw new IllegalStateException("cannot replay the balance of probe wallet " + wallet + ": " + read.status()
                    + " " + read.body());
        }
        return Funding.minor(Client.field(read.body(), "balance"));
    }

    private static Client.Answer require(Client.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("the probe's setup failed: " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    private static boolean success(Client.Answer answer) {
        return answer != null && answer.status() / 100 == 2;
    }

    static Map<String, Object> added(Latencies probe, Latencies control) {
        Map<String, Object> added = new LinkedHashMap<>();
        for (double p : new double[]{50, 95, 99}) {
            added.put("p" + (int) p, Report.round(probe.percentileMs(p) - control.percentileMs(p)));
        }
        added.put("max", Report.round(probe.maxMs() - control.maxMs()));
        return added;
    }

    static double percent(long part, long whole) {
        return whole == 0 ? 0 : Report.round(100.0 * part / whole);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < EXAMPLES) {
            examples.add(example);
        }
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 160 ? body : body.substring(0, 160) + "…";
    }
}
