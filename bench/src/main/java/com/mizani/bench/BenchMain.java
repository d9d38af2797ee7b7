package com.mizani.bench;

import com.mizani.providersim.Faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * Runs one scenario end to end: a fresh PostgreSQL, the pgbench baseline, the M-Pesa simulator, the packaged app,
 * the harness's own client of the app ({@link BenchPrincipal}), funding, the load (with chaos if asked, or twice with
 * {@code --compare-auth}), the drain of open payouts, the read-model figures, the audit, the report; then stops
 * everything it started. Exits 1 if the audit finds any violation, 2 on bad usage.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException usage) {
            System.err.println(usage.getMessage());
            System.exit(2);
            return;
        }
        if (!Files.isRegularFile(options.appJar())) {
            System.err.println("no app jar at " + options.appJar() + "; build it with ./mvnw -DskipTests package");
            System.exit(2);
            return;
        }
        Report report = run(options);
        Path json = report.write(options.reportDir());
        System.out.println(report.markdown());
        System.out.println("Report: " + json + " (and .md)");
        System.exit(report.audit().passed() ? 0 : 1);
    }

    static Report run(BenchOptions options) throws Exception {
        Instant startedAt = Instant.now();
        Path work = options.workDir().toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        if (options.scenario().equals("replay")) {
            return ReplayScenario.run(options, startedAt);
        }
        if (options.scenario().equals(BenchOptions.CLUSTER)) {
            return ClusterScenario.run(options, startedAt);
        }
        if (options.scenario().equals(BenchOptions.PAYROLL)) {
            return PayrollScenario.run(options, startedAt);
        }
        if (options.scenario().equals(BenchOptions.WEBHOOKS)) {
            return WebhookScenario.run(options, startedAt);
        }
        boolean readYourWrites = options.scenario().equals(BenchOptions.READ_YOUR_WRITES);
        if (readYourWrites) {
            log("scenario %s: %s warm-up, %d iterations of each kind, %d background workers%s, seed %d",
                    options.scenario(), options.warmup(), options.iterations(), options.concurrency(),
                    options.concurrency() > 0 ? " on " + options.wallets() + " wallets" : "", options.seed());
        } else {
            log("scenario %s: %s warm-up, %s measured, %d workers, %d wallets, seed %d%s%s", options.scenario(),
                    options.warmup(), options.duration(), options.concurrency(), options.wallets(), options.seed(),
                    options.batchSize() > 1 ? ", transfers in batches of " + options.batchSize() : "",
                    options.compareAuth() ? ", authentication off and then on" : "");
        }
        try (Postgres postgres = new Postgres(work.resolve("postgres"))) {
            postgres.start();
            log("PostgreSQL on port %d", postgres.port());
            Baseline.Result baseline = null;
            if (options.baseline()) {
                baseline = Baseline.measure(postgres, options.concurrency(), options.wallets(), work);
                log("baseline: pgbench at %d clients: single-row inserts %s tps, pure-SQL ledger transfers %s tps%s",
                        options.concurrency(), baseline.insertTransactionsPerSecond(),
                        baseline.ledgerTransfersPerSecond(), baseline.note() == null ? "" : " (" + baseline.note() + ")");
            }
            String adminSecret = BenchPrincipal.adminSecret(work, postgres);
            try (Provider provider = new Provider(options.seed(), Funding.totalMinor(options.wallets()));
                 AppProcess app = new AppProcess(options.appJar().toAbsolutePath(), options.appHeap(), work, postgres.jdbcUrl(),
                         options.profile(), provider.appArguments(), adminSecret)) {
                app.start();
                List<String> roles = BenchPrincipal.roles(options.scenario());
                BearerTokens.Credentials credentials = BenchPrincipal.register(app.baseUrl(), adminSecret, roles);
                log("app started (pid %d); the harness is client %s with roles %s; funding %d wallets", app.pid(),
                        credentials.clientId(), roles,
                        readYourWrites && options.concurrency() == 0 ? 0 : options.wallets());
                Ledger ledger;
                try (BearerTokens tokens = BearerTokens.fetch(credentials)) {
                    Client client = Client.authenticated(app.baseUrl(), tokens);
                    if (readYourWrites) {
                        return ReadYourWrites.run(options, startedAt, app, postgres, provider, client, tokens,
                                settings(options, provider, authentication(credentials, roles)));
                    }
                    int fundingWorkers = Math.max(8, options.concurrency());
                    ledger = options.scenario().equals(BenchOptions.FX)
                            ? Funding.fundInCurrencies(client, options.wallets(), fundingWorkers)
                            : Funding.fund(client, options.wallets(), fundingWorkers);
                    if (!options.compareAuth()) {
                        log("funded; load starts");
                        Measured measured = measure(options, app, postgres, provider, client, tokens, ledger, baseline,
                                adminSecret);
                        return new Report(options.scenario(), startedAt,
                                settings(options, provider, authentication(credentials, roles)), measured.figures(),
                                measured.chaos(), measured.audit());
                    }
                }
                return compareAuthentication(options, startedAt, app, postgres, provider, credentials, roles, ledger,
                        baseline, adminSecret);
            }
        }
    }

    /** One measured load on the running app, and what followed it: the drain, the audit and the figures. */
    private record Measured(Map<String, Object> figures, Map<String, Object> chaos, Audit.Result audit) {
    }

    /**
     * The load (with chaos if the scenario has it), the drain of open payouts, the audit and the figures. {@code
     * tokens} are those {@code client} carries, null when the app runs with authentication off.
     */
    private static Measured measure(BenchOptions options, AppProcess app, Postgres postgres, Provider provider,
                                    Client client, BearerTokens tokens, Ledger ledger, Baseline.Result baseline,
                                    String adminSecret) throws Exception {
        LoadRun.Result load;
        Map<String, Object> chaosFigures = null;
        List<String> chaosFailures = List.of();
        // The app's CPU over the measured window alone, as every other figure: not the warm-up's JIT compilation, nor
        // what chaos's clients resend after the window.
        Instant measuredFrom = Instant.now().plus(options.warmup());
        CompletableFuture<Double> cpuAtStart = cpuSecondsAt(app::totalCpuSeconds, measuredFrom);
        CompletableFuture<Double> cpuAtEnd = cpuSecondsAt(app::totalCpuSeconds, measuredFrom.plus(options.duration()));
        try (HeapSampler heap = new HeapSampler(client)) {
            Chaos chaos = null;
            ProviderIncidents incidents = null;
            if (options.scenario().equals("chaos")) {
                provider.faults(Provider.CHAOS_FAULTS);
                Instant start = Instant.now();
                chaos = new Chaos(app, postgres, client, options, start);
                incidents = new ProviderIncidents(provider, postgres, app.baseUrl(), chaos,
                        options.warmup().plus(options.duration()), start);
            }
            try {
                load = new LoadRun(options, client, ledger).run();
                if (chaos != null) {
                    chaos.awaitDone();
                    incidents.awaitDone();
                    chaosFigures = new LinkedHashMap<>();
                    chaosFigures.put("app kills (SIGKILL)", chaos.kills());
                    chaosFigures.put("app restarts", chaos.appRestarts());
                    chaosFigures.put("app restarts after which the token held before was still accepted",
                            chaos.tokensKept());
                    chaosFigures.put("database restarts", chaos.databaseRestarts());
                    chaosFailures = new ArrayList<>(chaos.failures());
                    chaosFailures.addAll(incidents.failures());
                    chaosFigures.put("failed chaos steps", chaosFailures.size());
                    chaosFigures.put("provider faults", Provider.describe(Provider.CHAOS_FAULTS));
                    chaosFigures.putAll(incidents.figures());
                }
            } finally {
                if (chaos != null) {
                    chaos.close();
                    incidents.close();
                }
            }
            double cpu = cpuAtEnd.get() - cpuAtStart.get();
            // The incident is over: the drain and the audit see a provider that behaves again.
            provider.faults(Faults.NONE);
            log("load done: %d requests in %.1f s; auditing", load.requests(), load.seconds());
            Drain.Result drain = Drain.run(postgres, ledger,
                    Drain.limit(options.warmup().plus(options.duration())));
            if (chaosFigures != null) {
                // The provider may still contradict itself after the drain (work it deferred): people decide the
                // incidents once it has stopped, before the audit holds the books against the provider's.
                Operators.Result operators = Operators.run(app.baseUrl(), adminSecret, postgres, drain.finishedAt());
                for (Map.Entry<String, Object> figure : operators.figures().entrySet()) {
                    chaosFigures.put("operators: " + figure.getKey(), figure.getValue());
                }
                chaosFailures = new ArrayList<>(chaosFailures);
                chaosFailures.addAll(operators.failures());
                chaosFigures.put("failed chaos steps", chaosFailures.size());
            }
            // The harness's C2B confirmations bypass the provider, whose books then rightly differ from ours.
            boolean reconcile = !options.scenario().equals("callbacks");
            Audit.Result audit = Audit.run(client, postgres, ledger, provider, reconcile).with(chaosFailures);
            FxAudit.Result fx = null;
            if (options.scenario().equals(BenchOptions.FX)) {
                fx = FxAudit.run(postgres, ledger);
                audit = audit.with(fx.violations());
            }
            ReadModelFigures.Result readModel;
            try (var db = postgres.connect()) {
                readModel = ReadModelFigures.measure(db, load.measuredFrom(), load.measuredTo());
            }
            Map<String, Object> figures = Report.figures(load, readModel, drain, cpu, heap.peakBytes(), baseline);
            if (fx != null) {
                figures.put("fxAudit", fx.figures());
            }
            if (tokens != null) {
                figures.put("bearerTokens", tokens.statistics());
            }
            return new Measured(figures, chaosFigures, audit);
        }
    }

    /**
     * {@code --compare-auth}: the same load over the same wallets twice, each against a freshly started app, first
     * with authentication and rate limits off, then with them on. The wallets were funded before either half. The
     * second half runs on an event store the first has grown, so whatever that costs counts against authentication,
     * never for it.
     */
    private static Report compareAuthentication(BenchOptions options, Instant startedAt, AppProcess app,
                                                Postgres postgres, Provider provider,
                                                BearerTokens.Credentials credentials, List<String> roles,
                                                Ledger funded, Baseline.Result baseline, String adminSecret)
            throws Exception {
        Collection<String> processors = processors(postgres);
        List<String> notes = new ArrayList<>();
        log("funded; authentication off: restarting the app with %s", AppProcess.AUTHENTICATION_OFF);
        app.restartWith(AppProcess.AUTHENTICATION_OFF);
        awaitProcessors(postgres, processors, notes);
        long eventsBeforeOff = storedEvents(postgres);
        // The same idempotency namespace as the authenticated half's: the client's id.
        Measured off = measure(options, app, postgres, provider,
                Client.unauthenticated(app.baseUrl(), credentials.clientId()), null, funded.sameWallets(), baseline,
                adminSecret);
        log("authentication off: %s transfer requests/s; audit %s", off.figures().get("transferRequestsPerSecond"),
                off.audit().passed() ? "passed" : "FAILED");

        log("authentication on: restarting the app with its defaults");
        app.restartWith(List.of());
        awaitProcessors(postgres, processors, notes);
        long eventsBeforeOn = storedEvents(postgres);
        Measured on;
        String tokenSize;
        try (BearerTokens tokens = BearerTokens.fetch(credentials)) {
            tokenSize = tokens.current().length() + " bytes";
            on = measure(options, app, postgres, provider, Client.authenticated(app.baseUrl(), tokens), tokens,
                    funded.sameWallets(), baseline, adminSecret);
        }
        log("authentication on: %s transfer requests/s; audit %s", on.figures().get("transferRequestsPerSecond"),
                on.audit().passed() ? "passed" : "FAILED");

        List<String> differences = new ArrayList<>(List.of(
                ("authentication on: each request carries client %s's JWT bearer token (%s); the app verifies it "
                        + "(signature, issuer, audience, expiry), checks that its principal is enabled (an answer "
                        + "cached for 5 s by default), lets its access policy decide the request and counts it "
                        + "against the principal's rate limit (Bucket4j, settled with PostgreSQL every 200 ms by "
                        + "default)")
                        .formatted(credentials.clientId(), tokenSize),
                "authentication off: the app started with " + String.join(" ", AppProcess.AUTHENTICATION_OFF)
                        + "; no token, X-Client-Id instead, every request permitted, nothing counted",
                "the wallets were funded once, before both halves; the app was restarted before each half (a fresh "
                        + "JVM: same options, database, wallets, concurrency, warm-up, duration and seed), and each "
                        + "half started once the app's processors had caught up (the audit views rebuilt)",
                ("order: off, then on; the on half started on an event store of %,d events, the off half on one of "
                        + "%,d: that growth counts against authentication").formatted(eventsBeforeOn, eventsBeforeOff),
                "the on half's first token was fetched before its warm-up; later ones in the background (bearerTokens)",
                "the pgbench baseline, if any, was taken once, before both halves"));
        differences.addAll(notes);
        Map<String, Object> figures = new LinkedHashMap<>(on.figures());
        figures.put("authenticationCost", AuthenticationCost.compare(
                AuthenticationCost.half(off.figures(), eventsBeforeOff, off.audit()),
                AuthenticationCost.half(on.figures(), eventsBeforeOn, on.audit()),
                List.of("authentication off", "authentication on"), differences));
        Map<String, Audit.Result> audits = new LinkedHashMap<>();
        audits.put("authentication off", off.audit());
        audits.put("authentication on", on.audit());
        return new Report(options.scenario(), startedAt, settings(options, provider,
                "compared (--compare-auth): off, then on; the figures are the authenticated half's, both halves are "
                        + "in authenticationCost. On: " + authentication(credentials, roles)),
                figures, null, Audit.Result.ofParts(audits));
    }

    /**
     * CPU seconds as {@code cpuSeconds} counts them (an app's, all its processes: {@link AppProcess#totalCpuSeconds}),
     * read at {@code at} by a thread that waits for it.
     */
    static CompletableFuture<Double> cpuSecondsAt(DoubleSupplier cpuSeconds, Instant at) {
        CompletableFuture<Double> cpu = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), at).toMillis()));
                cpu.complete(cpuSeconds.getAsDouble());
            } catch (InterruptedException stopped) {
                cpu.completeExceptionally(stopped);
            }
        });
        return cpu;
    }

    /**
     * After a restart, until every processor that had a token before it has caught up with the store again. The
     * embedded MongoDB starts empty, so the audit views are rebuilt from the first event at each start: without this
     * wait that rebuild, longer for the second half, would run during its load.
     */
    private static void awaitProcessors(Postgres postgres, Collection<String> processors, List<String> notes)
            throws Exception {
        if (!Processors.awaitCaughtUp(postgres, processors, Duration.ofMinutes(10))) {
            notes.add("the processors had not caught up within 10 minutes of a restart; the half started anyway");
        }
    }

    private static Collection<String> processors(Postgres postgres) throws Exception {
        try (var db = postgres.connect()) {
            return Processors.positions(db).keySet();
        }
    }

    static String authentication(BearerTokens.Credentials credentials, List<String> roles) {
        return ("bearer tokens of client %s (roles %s) from the app's embedded issuer, renewed before expiry; rate "
                + "limits on, at the app's defaults").formatted(credentials.clientId(), roles);
    }

    private static long storedEvents(Postgres postgres) throws Exception {
        try (var db = postgres.connect()) {
            return Audit.single(db, "SELECT COUNT(*) FROM domain_event_entry");
        }
    }

    static Map<String, Object> settings(BenchOptions options, Provider provider, String authentication) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("machine", Report.describeMachine());
        settings.put("warmupSeconds", options.warmup().toSeconds());
        settings.put("durationSeconds", options.duration().toSeconds());
        settings.put("concurrency", options.concurrency());
        settings.put("wallets", options.wallets());
        settings.put("seed", options.seed());
        settings.put("transferAmount", LoadRun.TRANSFER_AMOUNT + " " + Ledger.CURRENCY);
        settings.put("transfersPerRequest", options.batchSize() == 1 ? "1 (POST /api/v1/transfers)"
                : options.batchSize() + " (POST " + TransferBatch.PATH + ", --batch-size)");
        settings.put("withdrawalAmount", LoadRun.WITHDRAWAL_AMOUNT + " " + Ledger.CURRENCY + ", fee "
                + LoadRun.WITHDRAWAL_FEE_MINOR + " minor units");
        settings.put("c2bConfirmations", C2bConfirmations.AMOUNT_MINOR / 100 + " " + Ledger.CURRENCY + " each, "
                + Math.round(C2bConfirmations.REPEAT_SHARE * 100) + "% exact repeats");
        settings.put("provider", "M-Pesa simulator in the harness JVM, no latency; app settings "
                + provider.appArguments().stream().filter(a -> !a.contains("secret")).toList());
        settings.put("postgres", "embedded PostgreSQL 17 binaries (zonky), " + Postgres.SETTINGS);
        settings.put("appJvm", AppProcess.jvmOptions(options.appHeap()));
        settings.put("load", "closed loop, Java HttpClient (HTTP/1.1) on virtual threads, same machine");
        settings.put("authentication", authentication);
        if (options.scenario().equals(BenchOptions.FX)) {
            settings.put("fx", FxMarket.describe() + "; after a completed transfer %d%% of iterations send a second "
                    .formatted(Math.round(FxConversions.SPENT_QUOTE_SHARE * 100)) + "transfer on the used quote, "
                    + "%d%% race two transfers on the fresh quote; the app's rate simulator (local mode)"
                    .formatted(Math.round(FxConversions.RACE_SHARE * 100)));
        }
        return settings;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", Instant.now().toString().substring(11, 19), String.format(format, args));
    }

    private static void deleteRecursively(Path directory) throws Exception {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
