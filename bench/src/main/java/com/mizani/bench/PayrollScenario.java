package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.providersim.Faults;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The payroll scenario: one job of {@code --items} items ({@link PayrollPlan}) from one funded source, to
 * {@code --wallets} funded payees or, with {@code --pay-to mpesa}, to phones by M-Pesa payouts through the simulator
 * with {@link Provider#PAYROLL_FAULTS} on while the job runs; created by the harness's client (role service) and approved by a second client of
 * its own with role approver, since the creator may not approve its job (four eyes). From the approval the harness
 * polls the job every {@link #POLL} until it is final: the time to completion, items per second and the progress each
 * second. Meanwhile {@code --concurrency} workers send single transfers of 1.00 among {@link #INTERACTIVE_WALLETS}
 * other funded wallets ({@link LoadRun}), first alone for {@code --duration} (after {@code --warmup}), then during the
 * job: their latency in both phases says whether the job starves interactive traffic. With {@code --kills N} the app
 * is SIGKILLed when the job has processed each N+1th share of its items, and restarted at once on the same data. Then
 * the shared {@link Audit} (after the payouts drained, for M-Pesa items) and the {@link PayrollAudit} or, for M-Pesa
 * items, the {@link PayrollPayoutAudit}.
 */
final class PayrollScenario {

    /** The wallets of the interactive load: neither the source nor a payee, so the audit knows what each holds. */
    static final int INTERACTIVE_WALLETS = 200;
    static final Duration POLL = Duration.ofMillis(100);
    /** A job that is not final by then is reported as not finished (and fails the audit). */
    static final Duration JOB_TIMEOUT = Duration.ofMinutes(15);
    static final Set<String> FINAL = Set.of("COMPLETED", "COMPLETED_WITH_FAILURES", "CANCELLED", "REJECTED");
    /** The app's payroll settings the run leaves at their defaults (PayrollSettings). */
    static final String APP_PAYROLL_SETTINGS = "app defaults: mizani.payroll.batch-items 100, runner-threads 2, "
            + "runner-interval-ms 200, runner-slice-batches 20";
    static final String KILL_COUNT = "app kills (SIGKILL) during the job, each restarted at once";

    /**
     * @param atSecond      seconds from the approval
     * @param processedAt   the job's processed items at the poll that decided the kill
     * @param secondsAbsent from the kill until the restarted app answered its health check
     */
    record Kill(long killedPid, long restartedPid, double atSecond, long processedAt, double secondsAbsent) {
    }

    private PayrollScenario() {
    }

    static Report run(BenchOptions options, Instant startedAt) throws Exception {
        Path work = options.workDir().toAbsolutePath();
        boolean toPhones = options.payrollToMpesa();
        int payees = toPhones ? 0 : options.wallets();
        BenchMain.log("scenario payroll: one job of %,d items to %s; %d interactive workers on %d wallets, "
                        + "%s warm-up and %s alone before the job; %d kill(s); seed %d", options.items(),
                toPhones ? "phones by M-Pesa" : "%,d payees".formatted(payees), options.concurrency(),
                INTERACTIVE_WALLETS, options.warmup(), options.duration(), options.kills(), options.seed());
        int walletCount = 1 + payees + INTERACTIVE_WALLETS;
        try (Postgres postgres = new Postgres(work.resolve("postgres"))) {
            postgres.start();
            BenchMain.log("PostgreSQL on port %d", postgres.port());
            Baseline.Result baseline = null;
            if (options.baseline()) {
                baseline = Baseline.measure(postgres, options.concurrency(), INTERACTIVE_WALLETS, work);
                BenchMain.log("baseline: pgbench at %d clients: single-row inserts %s tps, pure-SQL ledger transfers "
                        + "%s tps", options.concurrency(), baseline.insertTransactionsPerSecond(),
                        baseline.ledgerTransfersPerSecond());
            }
            String adminSecret = BenchPrincipal.adminSecret(work, postgres);
            try (Provider provider = new Provider(options.seed(), Funding.totalMinor(walletCount));
                 AppProcess app = new AppProcess(options.appJar().toAbsolutePath(), options.appHeap(), work,
                         postgres.jdbcUrl(), options.profile(), provider.appArguments(), adminSecret)) {
                app.start();
                List<String> roles = BenchPrincipal.roles(options.scenario());
                BearerTokens.Credentials credentials = BenchPrincipal.register(app.baseUrl(), adminSecret, roles);
                BearerTokens.Credentials approverCredentials = BenchPrincipal.register(app.baseUrl(), adminSecret,
                        "bench-approver", List.of("approver"));
                BenchMain.log("app started (pid %d); the harness is client %s with roles %s, and approves as client "
                                + "%s (approver); funding %,d wallets", app.pid(), credentials.clientId(), roles,
                        approverCredentials.clientId(), walletCount);
                try (BearerTokens tokens = BearerTokens.fetch(credentials);
                     BearerTokens approverTokens = BearerTokens.fetch(approverCredentials)) {
                    Client client = Client.authenticated(app.baseUrl(), tokens);
                    Client approver = Client.authenticated(app.baseUrl(), approverTokens);
                    Ledger funded = Funding.fund(client, walletCount, Math.max(8, options.concurrency()));
                    List<String> wallets = funded.wallets();
                    PayrollPlan plan = toPhones ? PayrollPlan.toPhones(wallets.getFirst(), options.items(),
                            options.seed()) : PayrollPlan.toWallets(wallets.getFirst(), wallets.subList(1, 1 + payees),
                            options.items(), options.seed());
                    Ledger interactive = new Ledger(wallets.subList(1 + payees, wallets.size()));
                    Map<String, Object> settings = BenchMain.settings(options, provider,
                            BenchMain.authentication(credentials, roles) + "; approvals by client "
                                    + approverCredentials.clientId() + " (roles [approver])");
                    settings.put("items", options.items());
                    settings.put("payTo", options.payTo());
                    settings.put("payroll", toPhones ? ("one job of %d M-Pesa items of whole %s to %s %s each (random, "
                            + "from the seed), each to a phone, with a fee of %s %s each; source funded with %s %s, "
                            + "interactive wallets with %s %s; %s; provider faults while the job runs: %s; the job "
                            + "polled every %d ms").formatted(options.items(),
                            PayrollPlan.decimal(PayrollPlan.MIN_PHONE_ITEM_MINOR),
                            PayrollPlan.decimal(PayrollPlan.MAX_ITEM_MINOR), Ledger.CURRENCY,
                            PayrollPlan.decimal(LoadRun.WITHDRAWAL_FEE_MINOR), Ledger.CURRENCY, Funding.HOT_WALLET,
                            Ledger.CURRENCY, Funding.PER_WALLET, Ledger.CURRENCY, APP_PAYROLL_SETTINGS,
                            Provider.describePayroll(Provider.PAYROLL_FAULTS), POLL.toMillis())
                            : ("one job of %d items of %s to %s %s each (random, from the seed), item i to payee i mod "
                            + "%d; source funded with %s %s, payees and interactive wallets with %s %s; %s; the job "
                            + "polled every %d ms").formatted(options.items(),
                            PayrollPlan.decimal(PayrollPlan.MIN_ITEM_MINOR), PayrollPlan.decimal(PayrollPlan.MAX_ITEM_MINOR),
                            Ledger.CURRENCY, payees, Funding.HOT_WALLET, Ledger.CURRENCY, Funding.PER_WALLET,
                            Ledger.CURRENCY, APP_PAYROLL_SETTINGS, POLL.toMillis()));
                    settings.put("interactiveLoad", ("%d workers, single transfers of %s %s among %d wallets of their "
                            + "own; alone: %s warm-up then %s measured before the job; during: from the approval to "
                            + "the job's end").formatted(options.concurrency(), LoadRun.TRANSFER_AMOUNT, Ledger.CURRENCY,
                            INTERACTIVE_WALLETS, options.warmup(), options.duration()));

                    BenchMain.log("funded; interactive load alone for %s (after %s warm-up)", options.duration(),
                            options.warmup());
                    LoadRun.Result alone = new LoadRun(options, client, interactive).run();
                    BenchMain.log("alone: %d transfers in %.1f s, p99 %.1f ms; creating the job",
                            alone.of(LoadRun.Operation.TRANSFER).count(), alone.seconds(),
                            alone.of(LoadRun.Operation.TRANSFER).percentileMs(99));
                    return job(options, startedAt, app, postgres, provider, client, approver, tokens, funded,
                            interactive, plan, alone, baseline, settings);
                }
            }
        }
    }

    private static Report job(BenchOptions options, Instant startedAt, AppProcess app, Postgres postgres,
                              Provider provider, Client client, Client approver, BearerTokens tokens, Ledger funded,
                              Ledger interactive, PayrollPlan plan, LoadRun.Result alone, Baseline.Result baseline,
                              Map<String, Object> settings) throws Exception {
        String body = plan.json("bench payroll " + options.seed());
        long createStarted = System.nanoTime();
        Client.Answer created = client.post("/api/v1/payroll/jobs", body, UUID.randomUUID().toString());
        double createMs = (System.nanoTime() - createStarted) / 1e6;
        if (created.status() != 201) {
            throw new IllegalStateException("creating the job answered " + created.status() + ": "
                    + abbreviated(created.body()));
        }
        String jobId = Client.field(created.body(), "jobId");
        BenchMain.log("job %s created in %.0f ms (%,d bytes of JSON); interactive load on, approving", jobId, createMs,
                body.length());

        LoadRun duringLoad = new LoadRun(options.withWindow(Duration.ZERO, Duration.ofHours(1)), client, interactive);
        CompletableFuture<LoadRun.Result> during = CompletableFuture.supplyAsync(() -> {
            try {
                return duringLoad.run();
            } catch (Exception failed) {
                throw new CompletionException(failed);
            }
        });
        List<Kill> kills = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        PayrollProgress progress = new PayrollProgress();
        double cpuAtApproval = app.totalCpuSeconds();
        boolean toPhones = options.payrollToMpesa();
        if (toPhones) {
            provider.faults(Provider.PAYROLL_FAULTS);
        }
        long approveStarted = System.nanoTime();
        double approveMs;
        try {
            Client.Answer approved = approver.post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}",
                    UUID.randomUUID().toString());
            approveMs = (System.nanoTime() - approveStarted) / 1e6;
            if (approved.status() != 200) {
                throw new IllegalStateException("approving the job answered " + approved.status() + ": "
                        + approved.body());
            }
            BenchMain.log("approved in %.0f ms (%s); polling every %d ms", approveMs,
                    Client.field(approved.body(), "status"), POLL.toMillis());
            poll(options, app, client, jobId, approveStarted, progress, kills, failures);
        } finally {
            duringLoad.stop();
            provider.faults(Faults.NONE);
        }
        double cpuSeconds = app.totalCpuSeconds() - cpuAtApproval;
        LoadRun.Result load = during.get();
        double seconds = progress.secondsToCompletion();
        BenchMain.log("job %s after %.1f s (%.0f items/s); interactive during: %d transfers, p99 %.1f ms; auditing",
                progress.finalStatus(), seconds, PayrollProgress.itemsPerSecond(options.items(), seconds),
                load.of(LoadRun.Operation.TRANSFER).count(), load.of(LoadRun.Operation.TRANSFER).percentileMs(99));
        if (!progress.done()) {
            failures.add("the job was not final within " + JOB_TIMEOUT.toMinutes() + " minutes of its approval");
        }

        interactive.acknowledged().forEach(funded::acknowledge);
        Drain.Result drain = null;
        if (toPhones) {
            // A final job has no payout under way; the read model's payments may still trail it by a moment.
            drain = Drain.run(postgres, funded, Drain.limit(Duration.ofSeconds(60)));
            if (!drain.drained()) {
                failures.add("payouts were still open " + Report.round(drain.seconds()) + " s after the job: "
                        + drain.payouts());
            }
        }
        Audit.Result audit = Audit.run(client, postgres, funded, provider, true).with(failures);
        PayrollAudit.Result payrollAudit = toPhones
                ? PayrollPayoutAudit.run(postgres, provider, jobId, plan, Funding.minor(Funding.HOT_WALLET),
                        LoadRun.WITHDRAWAL_FEE_MINOR)
                : PayrollAudit.run(postgres, jobId, plan, Funding.minor(Funding.HOT_WALLET),
                        Funding.minor(Funding.PER_WALLET));
        audit = audit.with(payrollAudit.violations());

        Map<String, Object> figures = figures(options, plan, jobId, createMs, approveMs, progress, alone, load,
                seconds > 0 ? cpuSeconds / seconds : 0);
        if (drain != null) {
            figures.put("payoutsAfterTheJob", drain.payouts());
        }
        figures.put("payrollAudit", payrollAudit.figures());
        figures.put("baseline", Report.baseline(baseline, 0).entrySet().stream()
                .filter(entry -> !entry.getKey().endsWith("Ratio"))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()), Map::putAll));
        figures.put("bearerTokens", tokens.statistics());
        Map<String, Object> chaos = null;
        if (options.kills() > 0) {
            chaos = new LinkedHashMap<>();
            chaos.put(KILL_COUNT, kills.size());
            chaos.put("kills", kills);
            chaos.put("failed kill steps", failures.size());
        }
        return new Report(options.scenario(), startedAt, settings, figures, chaos, audit);
    }

    /**
     * Polls the job until it is final (or {@link #JOB_TIMEOUT}), recording its progress; kills and restarts the app
     * when the job has processed each {@code 1/(kills+1)}th of its items. A poll without an answer is one more poll.
     */
    private static void poll(BenchOptions options, AppProcess app, Client client, String jobId, long approvedNanos,
                             PayrollProgress progress, List<Kill> kills, List<String> failures)
            throws InterruptedException {
        List<Long> killAt = killThresholds(options.items(), options.kills());
        Instant deadline = Instant.now().plus(JOB_TIMEOUT);
        while (!progress.done() && Instant.now().isBefore(deadline)) {
            try {
                Client.Answer answer = client.get("/api/v1/payroll/jobs/" + jobId);
                long atMs = (System.nanoTime() - approvedNanos) / 1_000_000;
                if (answer.status() == 200) {
                    JsonNode job = answer.json();
                    String status = job.path("status").asText();
                    long processed = job.path("processedItems").asLong();
                    progress.polled(atMs, processed, status, FINAL.contains(status));
                    if (!progress.done() && kills.size() < killAt.size() && processed >= killAt.get(kills.size())) {
                        kill(app, atMs, processed, approvedNanos, kills, failures);
                    }
                }
            } catch (IOException noAnswer) {
                // The app is restarting, or busy: the next poll asks again.
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void kill(AppProcess app, long atMs, long processed, long approvedNanos, List<Kill> kills,
                             List<String> failures) {
        long killedPid = app.pid();
        long killedAt = System.nanoTime();
        try {
            app.kill();
            BenchMain.log("killed the app (pid %d) with SIGKILL at %,d processed items; restarting it", killedPid,
                    processed);
            app.start();
            double absent = (System.nanoTime() - killedAt) / 1e9;
            BenchMain.log("app back after %.1f s (pid %d)", absent, app.pid());
            kills.add(new Kill(killedPid, app.pid(), atMs / 1000.0, processed, absent));
        } catch (Exception failure) {
            failures.add("app kill or restart failed: " + failure);
            kills.add(new Kill(killedPid, -1, atMs / 1000.0, processed, (System.nanoTime() - approvedNanos) / 1e9));
        }
    }

    /** The processed items at which each kill happens: each (k+1)/(kills+1)th of the job. */
    static List<Long> killThresholds(int items, int kills) {
        List<Long> thresholds = new ArrayList<>();
        for (int k = 1; k <= kills; k++) {
            thresholds.add((long) items * k / (kills + 1));
        }
        return thresholds;
    }

    /** The report's figures: the job's, the interactive load's in both phases, and how they compare. */
    static Map<String, Object> figures(BenchOptions options, PayrollPlan plan, String jobId, double createMs,
                                       double approveMs, PayrollProgress progress, LoadRun.Result alone,
                                       LoadRun.Result during, double appCpuCoresDuringJob) {
        double seconds = progress.secondsToCompletion();
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("jobId", jobId);
        job.put("items", plan.items().size());
        job.put("payTo", options.payTo());
        job.put("payees", options.payrollToMpesa() ? 0 : options.wallets());
        job.put("totalAmount", PayrollPlan.decimal(plan.totalMinor()) + " " + Ledger.CURRENCY);
        job.put("createLatencyMs", Report.round(createMs));
        job.put("approveLatencyMs", Report.round(approveMs));
        job.put("finalStatus", progress.finalStatus());
        job.put("secondsToCompletion", Report.round(seconds));
        job.put("itemsPerSecond", Report.round(PayrollProgress.itemsPerSecond(plan.items().size(), seconds)));
        job.put("kills", options.kills());
        job.put("goal", PayrollProgress.goalVerdict(plan.items().size(), options.kills(), seconds,
                options.payrollToMpesa()));
        job.put("timeline", progress.timeline());
        Map<String, Object> interactive = new LinkedHashMap<>();
        Map<String, Object> alonePhase = phase(alone);
        Map<String, Object> duringPhase = phase(during);
        interactive.put("alone", alonePhase);
        interactive.put("duringJob", duringPhase);
        double aloneP99 = alone.of(LoadRun.Operation.TRANSFER).percentileMs(99);
        interactive.put("p99DuringToAloneRatio", aloneP99 <= 0 ? null
                : Report.round(during.of(LoadRun.Operation.TRANSFER).percentileMs(99) / aloneP99));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("payroll", job);
        figures.put("interactive", interactive);
        figures.put("appCpuCoresUsedDuringJob", Report.round(appCpuCoresDuringJob));
        return figures;
    }

    static Map<String, Object> phase(LoadRun.Result load) {
        Latencies transfers = load.of(LoadRun.Operation.TRANSFER);
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("measuredSeconds", Report.round(load.seconds()));
        phase.put("transfers", transfers.count());
        phase.put("transfersPerSecond", Report.round(load.seconds() <= 0 ? 0 : transfers.count() / load.seconds()));
        phase.put("transferLatencyMs", Report.latency(transfers));
        phase.put("statusCounts", load.statusCounts());
        phase.put("retries", load.retries());
        phase.put("unanswered", load.unanswered());
        return phase;
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
    }
}
