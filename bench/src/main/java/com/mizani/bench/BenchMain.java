package com.mizani.bench;

import com.mizani.providersim.Faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one scenario end to end: a fresh PostgreSQL, the pgbench baseline, the M-Pesa simulator, the packaged app,
 * funding, the load (with chaos if asked), the drain of open payouts, the read-model figures, the audit, the report;
 * then stops everything it started. Exits 1 if the audit finds any violation, 2 on bad usage.
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
        log("scenario %s: %s warm-up, %s measured, %d workers, %d wallets, seed %d", options.scenario(),
                options.warmup(), options.duration(), options.concurrency(), options.wallets(), options.seed());
        try (Postgres postgres = new Postgres(work.resolve("postgres"))) {
            postgres.start();
            log("PostgreSQL on port %d", postgres.port());
            Baseline.Result baseline = null;
            if (options.baseline()) {
                baseline = Baseline.measure(postgres, options.concurrency(), work);
                log("baseline: pgbench single-row inserts at %d clients: %s tps", options.concurrency(),
                        baseline.insertTransactionsPerSecond() == null ? baseline.note() : baseline.insertTransactionsPerSecond());
            }
            try (Provider provider = new Provider(options.seed(), Funding.totalMinor(options.wallets()));
                 AppProcess app = new AppProcess(options.appJar().toAbsolutePath(), options.appHeap(), work, postgres.jdbcUrl(),
                         options.profile(), provider.appArguments())) {
                app.start();
                Client client = new Client(app.baseUrl());
                log("app started (pid %d); funding %d wallets", app.pid(), options.wallets());
                Ledger ledger = Funding.fund(client, options.wallets(), Math.max(8, options.concurrency()));
                log("funded; load starts");

                LoadRun.Result load;
                Map<String, Object> chaosFigures = null;
                List<String> chaosFailures = List.of();
                double cpuBefore = app.totalCpuSeconds();
                try (HeapSampler heap = new HeapSampler(client)) {
                    Chaos chaos = null;
                    if (options.scenario().equals("chaos")) {
                        provider.faults(Provider.CHAOS_FAULTS);
                        chaos = new Chaos(app, postgres, options, Instant.now());
                    }
                    try {
                        load = new LoadRun(options, client, ledger).run();
                        if (chaos != null) {
                            chaos.awaitDone();
                            chaosFigures = new LinkedHashMap<>();
                            chaosFigures.put("app kills (SIGKILL)", chaos.kills());
                            chaosFigures.put("app restarts", chaos.appRestarts());
                            chaosFigures.put("database restarts", chaos.databaseRestarts());
                            chaosFailures = chaos.failures();
                            chaosFigures.put("failed chaos steps", chaosFailures.size());
                            chaosFigures.put("provider faults", Provider.describe(Provider.CHAOS_FAULTS));
                        }
                    } finally {
                        if (chaos != null) {
                            chaos.close();
                        }
                    }
                    double cpu = app.totalCpuSeconds() - cpuBefore;
                    // The incident is over: the drain and the audit see a provider that behaves again.
                    provider.faults(Faults.NONE);
                    log("load done: %d requests in %.1f s; auditing", load.requests(), load.seconds());
                    Drain.Result drain = Drain.run(postgres, ledger,
                            Drain.limit(options.warmup().plus(options.duration())));
                    // The harness's C2B confirmations bypass the provider, whose books then rightly differ from ours.
                    boolean reconcile = !options.scenario().equals("callbacks");
                    Audit.Result audit = Audit.run(client, postgres, ledger, provider, reconcile).with(chaosFailures);
                    ReadModelFigures.Result readModel;
                    try (var db = postgres.connect()) {
                        readModel = ReadModelFigures.measure(db, load.measuredFrom(), load.measuredTo());
                    }
                    return new Report(options.scenario(), startedAt, settings(options, postgres, provider),
                            Report.figures(load, readModel, drain, cpu, heap.peakBytes(), baseline), chaosFigures, audit);
                }
            }
        }
    }

    private static Map<String, Object> settings(BenchOptions options, Postgres postgres, Provider provider) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("machine", Report.describeMachine());
        settings.put("warmupSeconds", options.warmup().toSeconds());
        settings.put("durationSeconds", options.duration().toSeconds());
        settings.put("concurrency", options.concurrency());
        settings.put("wallets", options.wallets());
        settings.put("seed", options.seed());
        settings.put("transferAmount", LoadRun.TRANSFER_AMOUNT + " " + Ledger.CURRENCY);
        settings.put("withdrawalAmount", LoadRun.WITHDRAWAL_AMOUNT + " " + Ledger.CURRENCY + ", fee "
                + LoadRun.WITHDRAWAL_FEE_MINOR + " minor units");
        settings.put("c2bConfirmations", C2bConfirmations.AMOUNT_MINOR / 100 + " " + Ledger.CURRENCY + " each, "
                + Math.round(C2bConfirmations.REPEAT_SHARE * 100) + "% exact repeats");
        settings.put("provider", "M-Pesa simulator in the harness JVM, no latency; app settings "
                + provider.appArguments().stream().filter(a -> !a.contains("secret")).toList());
        settings.put("postgres", "embedded PostgreSQL 17 binaries (zonky), " + Postgres.SETTINGS);
        settings.put("appJvm", AppProcess.jvmOptions(options.appHeap()));
        settings.put("load", "closed loop, Java HttpClient (HTTP/1.1) on virtual threads, same machine");
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
