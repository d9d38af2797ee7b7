package com.mizani.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs one scenario end to end: a fresh PostgreSQL, the pgbench baseline, the packaged app, funding, the load
 * (with chaos if asked), the read-model figures, the audit, the report; then stops everything it started.
 * Exits 1 if the audit finds any violation, 2 on bad usage.
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
            try (AppProcess app = new AppProcess(options.appJar().toAbsolutePath(), work, postgres.jdbcUrl(), options.profile())) {
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
                    Chaos chaos = options.scenario().equals("chaos") ? new Chaos(app, postgres, options, Instant.now()) : null;
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
                        }
                    } finally {
                        if (chaos != null) {
                            chaos.close();
                        }
                    }
                    double cpu = app.totalCpuSeconds() - cpuBefore;
                    log("load done: %d requests in %.1f s; auditing", load.requests(), load.seconds());
                    Audit.Result audit = Audit.run(client, postgres, ledger).with(chaosFailures);
                    ReadModelFigures.Result readModel;
                    try (var db = postgres.connect()) {
                        readModel = ReadModelFigures.measure(db, load.measuredFrom(), load.measuredTo());
                    }
                    return new Report(options.scenario(), startedAt, settings(options, postgres),
                            Report.figures(load, readModel, cpu, heap.peakBytes(), baseline), chaosFigures, audit);
                }
            }
        }
    }

    private static Map<String, Object> settings(BenchOptions options, Postgres postgres) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("machine", Report.describeMachine());
        settings.put("warmupSeconds", options.warmup().toSeconds());
        settings.put("durationSeconds", options.duration().toSeconds());
        settings.put("concurrency", options.concurrency());
        settings.put("wallets", options.wallets());
        settings.put("seed", options.seed());
        settings.put("transferAmount", LoadRun.TRANSFER_AMOUNT + " " + Ledger.CURRENCY);
        settings.put("postgres", "embedded PostgreSQL 17 binaries (zonky), " + Postgres.SETTINGS);
        settings.put("appJvm", AppProcess.JVM_OPTIONS);
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
