package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replay scenario: an event store of at least {@code --events} events with one wallet of at least
 * {@code --hot-entries} entries, seeded through the API (or reused from an earlier run); every projection rebuilt,
 * one after the other and all at once; then point-in-time balances of that wallet.
 * <p>
 * Checked afterwards: each PostgreSQL read-model table holds the same rows as before the replay
 * ({@link ReadModelFingerprint}); the hot wallet's balance from the read model equals the one replayed from its
 * events, now and at every sampled instant; and the whole post-run {@link Audit} passes (the ledger verifies, the
 * money adds up, every transfer acknowledged in this run is in the ledger once).
 */
final class ReplayScenario {

    static final long GOAL_EVENTS = 1_000_000;
    static final long GOAL_HOT_ENTRIES = 100_000;
    static final double GOAL_EVENTS_PER_SECOND = 50_000;
    static final double GOAL_P99_MS = 10;
    /** Renders of each dashboard page measured over the seeded store. */
    static final int PAGE_RENDERS = 50;
    /**
     * The audit processor keeps its views in the app's embedded, in-memory MongoDB, which starts empty, so after a
     * restart on a reused database that processor reads the whole store again on its own. Its views are not part of
     * the fingerprint, and replaying it starts it over anyway, so the harness does not wait for it.
     */
    private static final String IN_MEMORY_PROJECTION = "audit";
    /**
     * Ledger entries whose {@code event_position} is not their event's position in the store. The live projection takes
     * the position from the tracking token, and for an event appended after a later one (a slow transaction filling a
     * gap) that token stands at the later event; a replay reads no gaps and writes the event's own position.
     */
    private static final String MISPLACED_ENTRIES = """
            SELECT COUNT(*) FROM ledger_entry l JOIN domain_event_entry d ON d.event_identifier = l.event_id
            WHERE l.event_position <> d.global_index""";

    private ReplayScenario() {
    }

    static Report run(BenchOptions options, Instant startedAt) throws Exception {
        BenchOptions.Replay replay = options.replay();
        Path work = options.workDir().toAbsolutePath();
        Path data = replay.reuseData() == null ? work : replay.reuseData().toAbsolutePath();
        Seeding.Manifest manifest = Seeding.Manifest.read(data);
        if (manifest == null && Files.exists(data.resolve("postgres"))) {
            throw new IllegalStateException(data + " holds a database but no " + Seeding.MANIFEST
                    + ", so the harness cannot tell its wallets; use an empty directory");
        }
        String loadAtStart = loadAverage();
        BenchMain.log("scenario replay: at least %,d events, a hot wallet of at least %,d entries, mode %s, data in %s%s; "
                        + "load average %s", replay.events(), replay.hotEntries(), replay.mode(), data,
                manifest == null ? " (seeded now)" : " (reused)", loadAtStart);
        List<String> violations = new ArrayList<>();
        try (Postgres postgres = new Postgres(data.resolve("postgres"))) {
            postgres.start();
            BenchMain.log("PostgreSQL on port %d", postgres.port());
            Baseline.Result baseline = null;
            if (options.baseline()) {
                baseline = Baseline.measure(postgres, options.concurrency(), options.wallets(), work);
                BenchMain.log("baseline: pgbench single-row inserts at %d clients: %s tps", options.concurrency(),
                        baseline.insertTransactionsPerSecond() == null ? baseline.note() : baseline.insertTransactionsPerSecond());
            }
            int walletCount = manifest == null ? options.wallets() : manifest.wallets().size();
            // Kept with the data, so that a later run over a reused directory signs in as the admin this one created.
            String adminSecret = BenchPrincipal.adminSecret(data, postgres);
            try (Provider provider = new Provider(options.seed(), Funding.totalMinor(walletCount));
                 AppProcess app = new AppProcess(options.appJar().toAbsolutePath(), options.appHeap(), work,
                         postgres.jdbcUrl(), options.profile(), appArguments(provider, replay), adminSecret)) {
                app.start();
                List<String> roles = BenchPrincipal.roles(options.scenario());
                BearerTokens.Credentials credentials = BenchPrincipal.register(app.baseUrl(), adminSecret, roles);
                BenchMain.log("app started (pid %d); the harness is client %s with roles %s", app.pid(),
                        credentials.clientId(), roles);
                try (BearerTokens tokens = BearerTokens.fetch(credentials)) {
                    Client client = Client.authenticated(app.baseUrl(), tokens);

                    boolean reused = manifest != null;
                    Seeded seeded = seed(options, client, postgres, data, manifest);
                    manifest = seeded.manifest();
                    Ledger ledger = seeded.ledger();
                    Seeding.Session session = seeded.session();
                    String hotWallet = manifest.hotWallet();

                    Replays replays = new Replays(client, app);
                    List<String> projections = replays.projections().stream()
                            .filter(name -> replay.auditViews() || !name.equals(IN_MEMORY_PROJECTION)).toList();
                    List<String> persistent = projections.stream().filter(name -> !name.equals(IN_MEMORY_PROJECTION)).toList();
                    if (!Processors.awaitCaughtUp(postgres, persistent, Duration.ofMinutes(10))) {
                        violations.add("the projections did not catch up with the seeded events within 10 minutes");
                    }
                    Map<String, ReadModelFingerprint.Table> before;
                    long storedEvents;
                    long misplacedBefore;
                    try (Connection db = postgres.connect()) {
                        storedEvents = Audit.single(db, "SELECT COUNT(*) FROM domain_event_entry");
                        before = ReadModelFingerprint.of(db);
                        misplacedBefore = Audit.single(db, MISPLACED_ENTRIES);
                    }
                    BenchMain.log("read model before the replay (rows / checksum): %s", ReadModelFingerprint.summary(before));

                    List<Replays.Pass> passes = new ArrayList<>();
                    long peakHeap;
                    try (HeapSampler heap = new HeapSampler(client)) {
                        if (replay.each()) {
                            BenchMain.log("replaying %s one after the other", projections);
                            passes.add(replays.each(projections));
                        }
                        if (replay.all()) {
                            BenchMain.log("replaying %s all at once", projections);
                            passes.add(replays.all(projections));
                        }
                        peakHeap = heap.peakBytes();
                    }
                    for (Replays.Pass pass : passes) {
                        for (Replays.Run run : pass.runs()) {
                            if (!run.completed()) {
                                violations.add("replay of %s (%s) ended %s: %s".formatted(run.projection(), pass.mode(),
                                        run.state(), run.error()));
                            }
                        }
                        BenchMain.log("pass %s: %.1f s, %,.0f stored events/s into every projection, app CPU %.2f cores",
                                pass.mode(), pass.wallSeconds(), pass.storeEventsPerSecond(), pass.appCpuCores());
                    }

                    Map<String, ReadModelFingerprint.Table> after;
                    long misplacedAfter;
                    try (Connection db = postgres.connect()) {
                        after = ReadModelFingerprint.of(db);
                        misplacedAfter = Audit.single(db, MISPLACED_ENTRIES);
                    }
                    List<String> findings = new ArrayList<>();
                    violations.addAll(compare(before, after, misplacedBefore, misplacedAfter, findings));
                    findings.forEach(finding -> BenchMain.log("finding: %s", finding));
                    compareNow(client, hotWallet, violations);

                    PointInTimeReads.Result reads = new PointInTimeReads(client, hotWallet).measure(postgres, replay.reads(),
                            replay.readConcurrency(), replay.auditReads(), options.seed());
                    if (reads.failures() > 0) {
                        violations.add(reads.failures() + " point-in-time reads were not answered 200: " + reads.statusCounts());
                    }
                    if (reads.mismatchCount() > 0) {
                        violations.add(reads.mismatchCount() + " balances replayed from the events differ from the read "
                                + "model's at the same instant, e.g. " + reads.mismatches());
                    }

                    List<ConsolePages.Timing> pages = new ConsolePages(client, app.baseUrl())
                            .measure(hotWallet, PAGE_RENDERS);

                    Audit.Result audit = Audit.run(client, postgres, ledger, provider, false).with(violations);
                    Map<String, Object> figures = figures(session, manifest, reused, storedEvents, before, passes, peakHeap,
                            reads, baseline, replay.auditViews());
                    figures.put("readModelDifferencesNotCountedAsViolations", findings);
                    figures.put("bearerTokens", tokens.statistics());
                    figures.put("pages", pages.stream().map(ConsolePages.Timing::asFigures).toList());
                    List<Map<String, Object>> goals = new ArrayList<>(castGoals(figures.get("goals")));
                    goals.addAll(pageGoals(pages, storedEvents, reads.entries()));
                    figures.put("goals", goals);
                    return new Report("replay", startedAt, settings(options, data, reused, loadAtStart, manifest.wallets().size()),
                            figures, null, audit);
                }
            }
        }
    }

    /** What {@link #seed} leaves: the harness's account of the wallets, the data's manifest, this run's seeding. */
    private record Seeded(Ledger ledger, Seeding.Manifest manifest, Seeding.Session session) {
    }

    /**
     * Opens and funds the wallets unless the data directory's manifest names them, then seeds up to the targets; the
     * manifest is written after funding and after seeding, so that an interrupted run can be topped up later.
     */
    private static Seeded seed(BenchOptions options, Client client, Postgres postgres, Path data,
                               Seeding.Manifest manifest) throws Exception {
        Ledger ledger;
        double fundingSeconds = 0;
        if (manifest == null) {
            long funding = System.nanoTime();
            ledger = Funding.fund(client, options.wallets(), Math.max(8, options.concurrency()));
            fundingSeconds = (System.nanoTime() - funding) / 1e9;
            BenchMain.log("opened and funded %,d wallets in %.1f s", options.wallets(), fundingSeconds);
            manifest = new Seeding.Manifest(ledger.wallets().getFirst(), ledger.wallets(), ledger.depositedMinor(),
                    List.of());
            manifest.write(data);
        } else {
            ledger = new Ledger(manifest.wallets());
            ledger.deposited(manifest.depositedMinor());
        }
        Seeding.Session session = new Seeding(client, postgres, ledger, options.replay().events(),
                options.replay().hotEntries()).run(options.concurrency(), options.seed(), fundingSeconds);
        if (session.transfers() > 0 || fundingSeconds > 0) {
            manifest = manifest.with(session);
            manifest.write(data);
        }
        return new Seeded(ledger, manifest, session);
    }

    /**
     * The violations in what the replay rebuilt: every table must fingerprint as before, but for the ledger entries'
     * positions explained at {@link #MISPLACED_ENTRIES}, which are added to {@code findings} instead when they are
     * the only difference and the replay corrected every one of them.
     */
    static List<String> compare(Map<String, ReadModelFingerprint.Table> before,
                                Map<String, ReadModelFingerprint.Table> after, long misplacedBefore, long misplacedAfter,
                                List<String> findings) {
        List<String> violations = new ArrayList<>();
        Map<String, List<String>> differences = ReadModelFingerprint.differences(before, after);
        if (misplacedAfter > 0) {
            violations.add(misplacedAfter + " ledger entries carry another position than their event's after the replay");
        }
        if (misplacedBefore > 0 && misplacedAfter == 0
                && differences.getOrDefault("ledger_entry", List.of()).equals(List.of("event_position"))) {
            differences.remove("ledger_entry");
            findings.add(("ledger_entry.event_position: %,d entries written live carried the position of a later "
                    + "event (their event had filled a gap in the stream); the replay wrote their own positions")
                    .formatted(misplacedBefore));
        }
        differences.forEach((table, columns) -> violations.add("%s differs after the replay, in %s".formatted(table,
                columns)));
        return violations;
    }

    /**
     * The provider's settings and, without the audit views, a MongoDB address where nothing listens: the app's embedded
     * MongoDB is not started, and the audit processor fails its batches and backs off, as in a MongoDB outage. The
     * health check would report that outage; the harness only needs to know that the app is up.
     */
    private static List<String> appArguments(Provider provider, BenchOptions.Replay replay) throws IOException {
        List<String> arguments = new ArrayList<>(provider.appArguments());
        if (!replay.auditViews()) {
            int closedPort;
            try (ServerSocket free = new ServerSocket(0)) {
                closedPort = free.getLocalPort();
            }
            arguments.add("--spring.mongodb.uri=mongodb://127.0.0.1:" + closedPort + "/mizani");
            arguments.add("--management.health.mongodb.enabled=false");
        }
        return arguments;
    }

    /** The hot wallet's balance now: the read model's must be the one its events add up to. */
    private static void compareNow(Client client, String wallet, List<String> violations) throws Exception {
        Instant now = Instant.now();
        JsonNode projected = client.get("/api/v1/wallets/" + wallet + "/balance?asOf=" + now).json();
        JsonNode replayed = client.get("/api/v1/audit/wallets/" + wallet + "/replay?asOf=" + now).json();
        BenchMain.log("hot wallet now: read model %s (entry %s), replayed from %,d events %s (entry %s)",
                projected.path("balance").asText(), projected.path("sequence").asText(),
                replayed.path("eventsRead").asLong(), replayed.path("balance").asText(), replayed.path("sequence").asText());
        if (!projected.path("balance").asText().equals(replayed.path("balance").asText())
                || projected.path("sequence").asLong(-1) != replayed.path("sequence").asLong(-1)) {
            violations.add("after the replay the hot wallet's balance is %s in the read model and %s from its events"
                    .formatted(projected, replayed));
        }
    }

    private static Map<String, Object> figures(Seeding.Session session, Seeding.Manifest manifest, boolean reused,
                                               long storedEvents, Map<String, ReadModelFingerprint.Table> readModel,
                                               List<Replays.Pass> passes, long peakHeap, PointInTimeReads.Result reads,
                                               Baseline.Result baseline, boolean auditViews) {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("events", storedEvents);
        store.put("hotWallet", manifest.hotWallet());
        store.put("hotWalletEntries", reads.entries());
        store.put("wallets", manifest.wallets().size());
        store.put("readModelRowsAndChecksums", ReadModelFingerprint.summary(readModel));
        figures.put("store", store);

        Map<String, Object> seeding = new LinkedHashMap<>();
        seeding.put("reusedData", reused);
        seeding.put("thisRun", session);
        seeding.put("thisRunTransfersPerSecond", Report.round(session.transfersPerSecond()));
        seeding.put("thisRunEventsPerSecond", Report.round(session.eventsPerSecond()));
        seeding.put("allSessions", manifest.sessions());
        double total = manifest.sessions().stream().mapToDouble(s -> s.fundingSeconds() + s.seconds()).sum();
        seeding.put("totalSeconds", Report.round(total));
        figures.put("seeding", seeding);

        List<Map<String, Object>> passFigures = new ArrayList<>();
        for (Replays.Pass pass : passes) {
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("mode", pass.mode());
            figure.put("seconds", Report.round(pass.wallSeconds()));
            figure.put("storeEventsPerSecond", Report.round(pass.storeEventsPerSecond()));
            figure.put("handledEventsPerSecond", Report.round(pass.handledEventsPerSecond()));
            figure.put("appCpuCoresUsed", Report.round(pass.appCpuCores()));
            List<Map<String, Object>> runs = new ArrayList<>();
            for (Replays.Run run : pass.runs()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("projection", run.projection());
                r.put("state", run.state());
                r.put("eventsTotal", run.eventsTotal());
                r.put("startedAt", run.startedAt());
                r.put("finishedAt", run.finishedAt());
                r.put("seconds", Report.round(run.seconds()));
                r.put("eventsPerSecond", Report.round(run.eventsPerSecond()));
                r.put("error", run.error());
                runs.add(r);
            }
            figure.put("projections", runs);
            passFigures.add(figure);
        }
        figures.put("replayPasses", passFigures);
        figures.put("progressPollMs", Replays.POLL.toMillis());
        figures.put("appPeakHeapMiBDuringReplay", Report.round(peakHeap / 1024.0 / 1024.0));

        Map<String, Object> pit = new LinkedHashMap<>();
        pit.put("wallet", reads.wallet());
        pit.put("entries", reads.entries());
        pit.put("from", reads.firstEntry());
        pit.put("to", reads.lastEntry());
        pit.put("warmupReads", reads.warmup());
        pit.put("sequentialReads", reads.sequential().count());
        pit.put("sequentialReadsPerSecond", Report.round(reads.sequential().count() / reads.sequentialSeconds()));
        pit.put("sequentialLatencyMs", Report.latency(reads.sequential()));
        pit.put("concurrency", reads.concurrency());
        pit.put("concurrentReads", reads.concurrent().count());
        pit.put("concurrentReadsPerSecond", Report.round(reads.concurrent().count() / reads.concurrentSeconds()));
        pit.put("concurrentLatencyMs", Report.latency(reads.concurrent()));
        pit.put("replayedFromEventsReads", reads.audit().count());
        pit.put("replayedFromEventsEventsRead", reads.eventsRead());
        pit.put("replayedFromEventsLatencyMs", Report.latency(reads.audit()));
        pit.put("replayedVersusReadModelMismatches", reads.mismatchCount());
        pit.put("statusCounts", reads.statusCounts());
        figures.put("pointInTime", pit);
        figures.put("goals", goals(storedEvents, reads, passes, auditViews));

        Map<String, Object> base = new LinkedHashMap<>();
        base.put("pgbenchInsertTps", baseline == null ? null : baseline.insertTransactionsPerSecond());
        base.put("note", baseline == null ? "skipped (--no-baseline)" : baseline.note());
        figures.put("baseline", base);
        return figures;
    }

    /**
     * Against issue 5's goals. The rebuild rate is judged on the all-at-once pass (stored events over the time to
     * rebuild every projection), or on the sum of the one-after-the-other times when only that pass ran; each goal
     * holds only for a store and a wallet at least as large as it names, and the first only when every projection
     * was rebuilt.
     */
    static List<Map<String, Object>> goals(long storedEvents, PointInTimeReads.Result reads, List<Replays.Pass> passes,
                                           boolean everyProjection) {
        List<Map<String, Object>> goals = new ArrayList<>();
        Replays.Pass judged = passes.stream().filter(p -> p.mode().equals("all")).findFirst()
                .orElse(passes.isEmpty() ? null : passes.getFirst());
        if (judged != null) {
            goals.add(goal("rebuild all projections over >= 1,000,000 events at >= 50,000 events/s",
                    "%,.0f events/s (%s, %,d events)".formatted(judged.storeEventsPerSecond(),
                            judged.mode().equals("all") ? "all at once" : "one after the other", storedEvents),
                    storedEvents < GOAL_EVENTS || !everyProjection ? null
                            : judged.completed() && judged.storeEventsPerSecond() >= GOAL_EVENTS_PER_SECOND,
                    everyProjection ? "smaller than the goal's size" : "the audit views were left out"));
        }
        boolean bigEnough = reads.entries() >= GOAL_HOT_ENTRIES;
        goals.add(goal("point-in-time balance p99 < 10 ms, wallet of >= 100,000 entries, sequential",
                "%.2f ms (%,d entries)".formatted(reads.sequential().percentileMs(99), reads.entries()),
                bigEnough ? reads.sequential().percentileMs(99) < GOAL_P99_MS : null, "smaller than the goal's size"));
        goals.add(goal("the same with %d concurrent readers".formatted(reads.concurrency()),
                "%.2f ms".formatted(reads.concurrent().percentileMs(99)),
                bigEnough ? reads.concurrent().percentileMs(99) < GOAL_P99_MS : null, "smaller than the goal's size"));
        return goals;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castGoals(Object goals) {
        return (List<Map<String, Object>>) goals;
    }

    /** A dashboard page renders in at most 200 ms of server time (p99, every render answered 200), over the goal's store. */
    static List<Map<String, Object>> pageGoals(List<ConsolePages.Timing> pages, long storedEvents, long hotEntries) {
        boolean bigEnough = storedEvents >= GOAL_EVENTS && hotEntries >= GOAL_HOT_ENTRIES;
        return pages.stream().map(page -> goal("page %s renders in <= %.0f ms (p99)".formatted(page.page(),
                        ConsolePages.GOAL_MS), "p50 %.1f / p99 %.1f ms%s".formatted(page.p50Ms(), page.p99Ms(),
                        page.failures() > 0 ? ", " + page.failures() + " not 200" : ""),
                bigEnough ? page.p99Ms() <= ConsolePages.GOAL_MS && page.failures() == 0 : null,
                "smaller than the goal's size")).toList();
    }

    /** @param met null when the run does not let the goal be judged, for the reason given */
    private static Map<String, Object> goal(String goal, String measured, Boolean met, String whyNotJudged) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("goal", goal);
        row.put("measured", measured);
        row.put("met", met == null ? "not judged (" + whyNotJudged + ")" : met ? "yes" : "no");
        return row;
    }

    private static Map<String, Object> settings(BenchOptions options, Path data, boolean reused, String loadAtStart,
                                                int wallets) {
        BenchOptions.Replay replay = options.replay();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("machine", Report.describeMachine());
        settings.put("loadAverageAtStart", loadAtStart);
        settings.put("loadAverageAtEnd", loadAverage());
        settings.put("events", replay.events());
        settings.put("hotEntries", replay.hotEntries());
        settings.put("dataDir", data.toString());
        settings.put("reusedData", reused);
        settings.put("replayMode", replay.mode());
        settings.put("auditViews", replay.auditViews() ? "replayed (embedded in-memory MongoDB)"
                : "left out (--no-audit-views: their MongoDB unreachable, not replayed)");
        settings.put("seedingConcurrency", options.concurrency());
        settings.put("wallets", wallets);
        settings.put("seed", options.seed());
        settings.put("transferAmount", LoadRun.TRANSFER_AMOUNT + " " + Ledger.CURRENCY);
        settings.put("reads", replay.reads());
        settings.put("readConcurrency", replay.readConcurrency());
        settings.put("auditReads", replay.auditReads());
        settings.put("postgres", "embedded PostgreSQL 17 binaries (zonky), " + Postgres.SETTINGS);
        settings.put("appJvm", AppProcess.jvmOptions(options.appHeap()));
        settings.put("load", "closed loop, Java HttpClient (HTTP/1.1) on virtual threads, same machine");
        return settings;
    }

    /** The 1, 5 and 15 minute load averages (Linux), to tell a quiet machine from a busy one. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }
}
