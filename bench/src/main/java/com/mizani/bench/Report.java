package com.mizani.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run's figures, written as JSON (raw, for keeping) and as a markdown table (for reading). */
record Report(String scenario, Instant startedAt, Map<String, Object> settings, Map<String, Object> figures,
              Map<String, Object> chaos, Audit.Result audit) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    static Map<String, Object> figures(LoadRun.Result load, ReadModelFigures.Result readModel, Drain.Result drain,
                                       double appCpuSeconds, long peakHeapBytes, Baseline.Result baseline) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double seconds = load.seconds();
        Latencies transfers = load.of(LoadRun.Operation.TRANSFER);
        figures.put("measuredSeconds", seconds);
        figures.put("requests", load.requests());
        figures.put("requestsPerSecond", round(load.requests() / seconds));
        figures.put("transferRequests", transfers.count());
        figures.put("transferRequestsPerSecond", round(transfers.count() / seconds));
        figures.put("completedTransfersVisiblePerSecond", round(readModel.completedVisiblePerSecond()));
        figures.put("latencyMs", latency(load.all()));
        figures.put("transferLatencyMs", latency(transfers));
        figures.put("statusCounts", load.statusCounts());
        figures.put("projectionLagMs", Map.of("p50", round(readModel.lagP50Ms()), "p99", round(readModel.lagP99Ms()),
                "max", round(readModel.lagMaxMs())));
        if (load.of(LoadRun.Operation.TRANSFER_BATCH).count() > 0) {
            figures.put("transferBatches", transferBatches(load));
        }
        if (load.of(LoadRun.Operation.WITHDRAWAL).count() > 0) {
            figures.put("withdrawals", withdrawals(load, readModel, drain));
        }
        if (load.of(LoadRun.Operation.CALLBACK).count() > 0) {
            figures.put("callbacks", callbacks(load));
        }
        if (load.of(LoadRun.Operation.FX_CONVERSION).count() > 0) {
            figures.put("fx", fx(load));
        }
        figures.put("appCpuCoresUsed", round(appCpuSeconds / seconds));
        figures.put("appPeakHeapMiB", round(peakHeapBytes / 1024.0 / 1024.0));
        figures.put("retries", load.retries());
        figures.put("unanswered", load.unanswered());
        figures.put("baseline", baseline(baseline, readModel.completedVisiblePerSecond()));
        return figures;
    }

    /** The pgbench baseline, and the visible transfers per second as a ratio to each of its figures. */
    static Map<String, Object> baseline(Baseline.Result baseline, double completedVisiblePerSecond) {
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("pgbenchInsertTps", baseline == null ? null : baseline.insertTransactionsPerSecond());
        base.put("pgbenchLedgerTransferTps", baseline == null ? null : baseline.ledgerTransfersPerSecond());
        base.put("command", baseline == null ? null : baseline.command());
        base.put("note", baseline == null ? "skipped (--no-baseline)" : baseline.note());
        if (baseline != null && baseline.insertTransactionsPerSecond() != null) {
            base.put("transfersVisibleToBaselineRatio",
                    round(completedVisiblePerSecond / baseline.insertTransactionsPerSecond()));
        }
        if (baseline != null && baseline.ledgerTransfersPerSecond() != null) {
            base.put("transfersVisibleToLedgerRatio",
                    round(completedVisiblePerSecond / baseline.ledgerTransfersPerSecond()));
        }
        return base;
    }

    /**
     * {@code --batch-size}: what the client saw of its batches, per batch request (how many, their latency with their
     * resends, why they were resent) and per item (how each transfer was answered). What the read model shows, per
     * item, is in the transfer figures, as for single transfers.
     */
    private static Map<String, Object> transferBatches(LoadRun.Result load) {
        double seconds = load.seconds();
        Latencies requests = load.of(LoadRun.Operation.TRANSFER_BATCH);
        Map<String, Long> items = load.batchItemAnswers();
        long done = items.getOrDefault("201", 0L);
        Map<String, Object> batches = new LinkedHashMap<>();
        batches.put("itemsPerRequest", load.batchSize());
        batches.put("requests", requests.count());
        batches.put("requestsPerSecond", round(requests.count() / seconds));
        batches.put("requestLatencyMs", latency(requests));
        batches.put("itemsAnswered", items.values().stream().mapToLong(Long::longValue).sum());
        batches.put("itemsDone", done);
        batches.put("itemsDonePerSecond", round(done / seconds));
        batches.put("itemsByStatus", items);
        batches.put("resendsByCause", load.resendsByCause());
        return batches;
    }

    /**
     * Acceptance (a 202: the money is held) and settlement (the provider paid and the wallet was debited) are
     * different figures: settlement runs behind acceptance, and what is behind at the end of the load is the drain.
     */
    private static Map<String, Object> withdrawals(LoadRun.Result load, ReadModelFigures.Result readModel,
                                                   Drain.Result drain) {
        double seconds = load.seconds();
        Latencies latencies = load.of(LoadRun.Operation.WITHDRAWAL);
        long settled = drain.payouts().getOrDefault("SETTLED", 0L);
        double wholeRun = Duration.between(load.startedAt(), drain.finishedAt()).toMillis() / 1000.0;
        Map<String, Object> withdrawals = new LinkedHashMap<>();
        withdrawals.put("requestsPerSecond", round(latencies.count() / seconds));
        withdrawals.put("acceptedPerSecond", round(load.answers(LoadRun.Operation.WITHDRAWAL, 202) / seconds));
        withdrawals.put("refused", load.answers(LoadRun.Operation.WITHDRAWAL, 422));
        withdrawals.put("latencyMs", latency(latencies));
        withdrawals.put("settledInMeasuredWindowPerSecond", round(readModel.settledPayoutsPerSecond()));
        withdrawals.put("requestToSettledMs", Map.of("p50", round(readModel.settleP50Ms()),
                "p99", round(readModel.settleP99Ms()), "max", round(readModel.settleMaxMs())));
        withdrawals.put("drained", drain.drained());
        withdrawals.put("drainSeconds", round(drain.seconds()));
        withdrawals.put("settled", settled);
        withdrawals.put("wholeRunSeconds", round(wholeRun));
        withdrawals.put("settledPerSecondWholeRun", round(settled / wholeRun));
        return withdrawals;
    }

    private static Map<String, Object> callbacks(LoadRun.Result load) {
        double seconds = load.seconds();
        Latencies latencies = load.of(LoadRun.Operation.CALLBACK);
        long repeats = load.statusCounts().entrySet().stream().filter(e -> e.getKey().startsWith("callback repeat "))
                .mapToLong(Map.Entry::getValue).sum();
        Map<String, Object> callbacks = new LinkedHashMap<>();
        callbacks.put("sent", latencies.count());
        callbacks.put("ingestedPerSecond", round(load.answers(LoadRun.Operation.CALLBACK, 200) / seconds));
        callbacks.put("repeatShare", round((double) repeats / latencies.count()));
        callbacks.put("latencyMs", latency(latencies));
        return callbacks;
    }

    /**
     * The fx scenario's three rates, each with its latency: quotes issued (201), transfers on them completed (201
     * COMPLETED), and iterations in which both succeeded (a quote and its transfer, the occasional try of the used
     * quote or race included); then how the tries on used quotes and the races were answered.
     */
    private static Map<String, Object> fx(LoadRun.Result load) {
        double seconds = load.seconds();
        Map<String, Object> fx = new LinkedHashMap<>();
        long quotes = load.answers(LoadRun.Operation.FX_QUOTE, 201);
        long transfers = load.answers(LoadRun.Operation.FX_TRANSFER, 201);
        long conversions = load.answers(LoadRun.Operation.FX_CONVERSION, 201);
        fx.put("quotesIssued", quotes);
        fx.put("quotesIssuedPerSecond", round(quotes / seconds));
        fx.put("quoteLatencyMs", latency(load.of(LoadRun.Operation.FX_QUOTE)));
        fx.put("transfersCompleted", transfers);
        fx.put("transfersCompletedPerSecond", round(transfers / seconds));
        fx.put("transferLatencyMs", latency(load.of(LoadRun.Operation.FX_TRANSFER)));
        fx.put("conversionsCompleted", conversions);
        fx.put("conversionsCompletedPerSecond", round(conversions / seconds));
        fx.put("conversionLatencyMs", latency(load.of(LoadRun.Operation.FX_CONVERSION)));
        fx.put("transfersOnUsedQuotes", answersOf(load, LoadRun.Operation.FX_SPENT_QUOTE));
        fx.put("racingTransfers", answersOf(load, LoadRun.Operation.FX_RACE));
        return fx;
    }

    /** The measured answers of one operation by status: {"409 QUOTE_USED": 40}. */
    private static Map<String, Long> answersOf(LoadRun.Result load, LoadRun.Operation operation) {
        Map<String, Long> answers = new java.util.TreeMap<>();
        String prefix = operation.label + " ";
        load.statusCounts().forEach((name, count) -> {
            if (name.startsWith(prefix)) {
                answers.put(name.substring(prefix.length()), count);
            }
        });
        return answers;
    }

    static Map<String, Object> latency(Latencies latencies) {
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", round(latencies.percentileMs(50)));
        latency.put("p95", round(latencies.percentileMs(95)));
        latency.put("p99", round(latencies.percentileMs(99)));
        latency.put("max", round(latencies.maxMs()));
        return latency;
    }

    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = startedAt.toString().replace(":", "").replaceAll("\\.\\d+", "") + "-" + scenario;
        JSON.writeValue(directory.resolve(name + ".json").toFile(), this);
        Files.writeString(directory.resolve(name + ".md"), markdown());
        return directory.resolve(name + ".json");
    }

    @SuppressWarnings("unchecked")
    String markdown() {
        if (scenario.equals("replay")) {
            return replayMarkdown();
        }
        if (scenario.equals(BenchOptions.READ_YOUR_WRITES)) {
            return readYourWritesMarkdown();
        }
        if (scenario.equals(BenchOptions.CLUSTER)) {
            return clusterMarkdown();
        }
        if (scenario.equals(BenchOptions.PAYROLL)) {
            return payrollMarkdown();
        }
        if (scenario.equals(BenchOptions.WEBHOOKS)) {
            return webhooksMarkdown();
        }
        StringBuilder md = new StringBuilder();
        md.append("### ").append(scenario).append(" (").append(startedAt).append(")\n\n");
        Map<String, Object> batches = (Map<String, Object>) figures.get("transferBatches");
        // With batches a request is many transfers: each figure says which of the two it counts.
        String perItem = batches == null ? "" : " (per item)";
        String perRequest = batches == null ? "" : " (per request)";
        String msPerItem = batches == null ? " (ms)" : " (ms, per item)";
        String msPerRequest = batches == null ? " (ms)" : " (ms, per request)";
        if (batches != null) {
            md.append(("Transfers in batches of %s (`POST %s`): figures marked *per item* count transfers, those marked "
                    + "*per request* count batch requests. The ratios to pgbench are per item.\n\n").formatted(
                    batches.get("itemsPerRequest"), TransferBatch.PATH));
        }
        md.append("| figure | value |\n|---|---|\n");
        Map<String, Object> baseline = (Map<String, Object>) figures.get("baseline");
        boolean transfers = ((Number) figures.get("transferRequests")).longValue() > 0 || batches != null;
        row(md, "requests/s completed" + perRequest, figures.get("requestsPerSecond"));
        row(md, "latency p50 / p95 / p99 / max" + msPerRequest, latencyText(figures.get("latencyMs")));
        if (transfers) {
            Map<String, Object> lag = (Map<String, Object>) figures.get("projectionLagMs");
            if (batches == null) {
                row(md, "transfer requests/s", figures.get("transferRequestsPerSecond"));
            } else {
                row(md, "transfers per batch request", batches.get("itemsPerRequest"));
                row(md, "batch requests/s (per request)", batches.get("requestsPerSecond"));
                row(md, "transfers answered done/s (per item: 201, COMPLETED or FAILED)", batches.get("itemsDonePerSecond"));
            }
            row(md, "COMPLETED transfers/s visible in the read model" + perItem,
                    figures.get("completedTransfersVisiblePerSecond"));
            if (batches == null) {
                row(md, "transfer latency p50 / p95 / p99 / max (ms)", latencyText(figures.get("transferLatencyMs")));
            } else {
                row(md, "batch request latency p50 / p95 / p99 / max (ms, per request, its resends included)",
                        latencyText(batches.get("requestLatencyMs")));
            }
            row(md, "projection lag p50 / p99 / max" + msPerItem,
                    lag.get("p50") + " / " + lag.get("p99") + " / " + lag.get("max"));
            if (batches != null) {
                row(md, "transfers by the status that finished each (per item)", batches.get("itemsByStatus"));
                row(md, "batch resends by cause (per request)", batches.get("resendsByCause"));
            }
        }
        if (figures.get("withdrawals") instanceof Map<?, ?> withdrawals) {
            row(md, "withdrawal requests/s", withdrawals.get("requestsPerSecond"));
            row(md, "withdrawals accepted/s (202, money held)", withdrawals.get("acceptedPerSecond"));
            row(md, "withdrawals refused (422)", withdrawals.get("refused"));
            row(md, "withdrawal latency p50 / p95 / p99 / max (ms)", latencyText(withdrawals.get("latencyMs")));
            row(md, "payouts settled/s during the measured window", withdrawals.get("settledInMeasuredWindowPerSecond"));
            Map<?, ?> settle = (Map<?, ?>) withdrawals.get("requestToSettledMs");
            row(md, "payouts requested in the window: request to SETTLED p50 / p99 / max (ms)",
                    settle.get("p50") + " / " + settle.get("p99") + " / " + settle.get("max"));
            row(md, "drain after the load (s)", withdrawals.get("drainSeconds")
                    + (Boolean.TRUE.equals(withdrawals.get("drained")) ? "" : " (gave up: payouts still open)"));
            row(md, "payouts settled/s, load start to drained", withdrawals.get("settledPerSecondWholeRun") + " ("
                    + withdrawals.get("settled") + " in " + withdrawals.get("wholeRunSeconds") + " s)");
        }
        if (figures.get("fx") instanceof Map<?, ?> fx) {
            fxRows(md, fx, (Map<?, ?>) figures.get("fxAudit"), figures);
        }
        if (figures.get("callbacks") instanceof Map<?, ?> callbacks) {
            row(md, "C2B confirmations ingested/s (200)", callbacks.get("ingestedPerSecond"));
            row(md, "share of exact repeats", callbacks.get("repeatShare"));
            row(md, "callback latency p50 / p95 / p99 / max (ms)", latencyText(callbacks.get("latencyMs")));
        }
        row(md, "answers by status", figures.get("statusCounts"));
        row(md, "app CPU (cores used)", figures.get("appCpuCoresUsed"));
        row(md, "app peak heap (MiB)", figures.get("appPeakHeapMiB"));
        row(md, "pgbench single-row insert tps (same server, same concurrency)",
                baseline.get("pgbenchInsertTps") == null ? baseline.get("note") : baseline.get("pgbenchInsertTps"));
        if (transfers && baseline.containsKey("transfersVisibleToBaselineRatio")) {
            row(md, "visible transfers/s ÷ baseline tps" + perItem, baseline.get("transfersVisibleToBaselineRatio"));
        }
        if (baseline.get("pgbenchLedgerTransferTps") != null) {
            row(md, "pure-SQL double-entry ledger transfers/s (pgbench, same server, same concurrency)",
                    baseline.get("pgbenchLedgerTransferTps"));
        }
        if (transfers && baseline.containsKey("transfersVisibleToLedgerRatio")) {
            row(md, "visible transfers/s ÷ pure-SQL ledger transfers/s" + perItem,
                    baseline.get("transfersVisibleToLedgerRatio"));
        }
        if (chaos != null) {
            chaos.forEach((key, value) -> row(md, "chaos: " + key, value));
        }
        row(md, "retries / unanswered" + perRequest, figures.get("retries") + " / " + figures.get("unanswered"));
        if (audit.acknowledgedPayouts() + audit.c2bTransIds() > 0) {
            audit.payments().forEach((key, value) -> row(md, "payments audit: " + key, value));
        }
        tokensRow(md, figures);
        row(md, "audit", audit.passed() ? "passed (%d transfers, %d payouts, %d C2B TransIDs checked)".formatted(
                audit.acknowledgedTransfers(), audit.acknowledgedPayouts(), audit.c2bTransIds())
                : "FAILED: " + String.join("; ", audit.violations()));
        if (figures.get("authenticationCost") instanceof Map<?, ?> comparison) {
            authenticationCost(md, (Map<String, Object>) comparison);
        }
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
    }

    /** {@code --compare-auth}: both halves side by side, then what differs between them besides authentication. */
    @SuppressWarnings("unchecked")
    private static void authenticationCost(StringBuilder md, Map<String, Object> comparison) {
        Map<String, Object> off = (Map<String, Object>) comparison.get("authenticationOff");
        Map<String, Object> on = (Map<String, Object>) comparison.get("authenticationOn");
        Map<String, Object> change = (Map<String, Object>) comparison.get("onVersusOffPercent");
        md.append("\n#### What authentication costs (same run: ").append(String.join(", then ",
                (List<String>) comparison.get("order"))).append(")\n\n");
        md.append("| figure | authentication off | authentication on | on against off |\n|---|---|---|---|\n");
        md.append("| transfer requests/s | %s | %s | %s |\n".formatted(off.get("transferRequestsPerSecond"),
                on.get("transferRequestsPerSecond"), percent(change.get("transferRequestsPerSecond"))));
        md.append("| COMPLETED transfers/s visible | %s | %s | %s |\n".formatted(
                off.get("completedTransfersVisiblePerSecond"), on.get("completedTransfersVisiblePerSecond"),
                percent(change.get("completedTransfersVisiblePerSecond"))));
        md.append("| transfer latency p50 / p95 / p99 / max (ms) | %s | %s | p50 %s, p99 %s |\n".formatted(
                latencyText(off.get("transferLatencyMs")), latencyText(on.get("transferLatencyMs")),
                percent(change.get("transferLatencyP50Ms")), percent(change.get("transferLatencyP99Ms"))));
        md.append("| app CPU (cores used) / per transfer (ms) | %s / %s | %s / %s | %s per transfer |\n".formatted(
                off.get("appCpuCoresUsed"), off.get("appCpuMsPerTransfer"), on.get("appCpuCoresUsed"),
                on.get("appCpuMsPerTransfer"), percent(change.get("appCpuMsPerTransfer"))));
        md.append("| app peak heap (MiB) | %s | %s | |\n".formatted(off.get("appPeakHeapMiB"), on.get("appPeakHeapMiB")));
        md.append("| events in the store at the start | %,d | %,d | |\n".formatted(
                ((Number) off.get("eventsInStoreAtStart")).longValue(), ((Number) on.get("eventsInStoreAtStart")).longValue()));
        md.append("| answers by status | %s | %s | |\n".formatted(off.get("statusCounts"), on.get("statusCounts")));
        md.append("| audit | %s | %s | |\n".formatted(off.get("audit"), on.get("audit")));
        md.append(("\nAuthentication cost %s%% of the transfer requests/s. Goal: %s: %s.\n\nWhat differs between the "
                + "halves:\n\n").formatted(comparison.get("throughputCostPercent"), comparison.get("goal"),
                Boolean.TRUE.equals(comparison.get("goalMet")) ? "met" : "not met"));
        for (Object difference : (List<Object>) comparison.get("differences")) {
            md.append("- ").append(difference).append('\n');
        }
    }

    private static void fxRows(StringBuilder md, Map<?, ?> fx, Map<?, ?> audit, Map<String, Object> figures) {
        Map<?, ?> lag = (Map<?, ?>) figures.get("projectionLagMs");
        row(md, "FX quotes issued/s (201)", fx.get("quotesIssuedPerSecond") + " (" + fx.get("quotesIssued") + ")");
        row(md, "FX quote latency p50 / p95 / p99 / max (ms)", latencyText(fx.get("quoteLatencyMs")));
        row(md, "cross-currency transfers completed/s (201 COMPLETED)", fx.get("transfersCompletedPerSecond") + " ("
                + fx.get("transfersCompleted") + ")");
        row(md, "cross-currency transfer latency p50 / p95 / p99 / max (ms)", latencyText(fx.get("transferLatencyMs")));
        row(md, "quote + transfer completed/s (one iteration each)", fx.get("conversionsCompletedPerSecond") + " ("
                + fx.get("conversionsCompleted") + ")");
        row(md, "quote + transfer latency p50 / p95 / p99 / max (ms)", latencyText(fx.get("conversionLatencyMs")));
        row(md, "COMPLETED transfers/s visible in the read model", figures.get("completedTransfersVisiblePerSecond"));
        row(md, "projection lag p50 / p99 / max (ms)", lag.get("p50") + " / " + lag.get("p99") + " / " + lag.get("max"));
        row(md, "second transfers on a used quote, by answer (measured)", fx.get("transfersOnUsedQuotes"));
        row(md, "racing transfers on one quote, by answer (measured)", fx.get("racingTransfers"));
        if (audit != null) {
            row(md, "FX audit: quotes by status", audit.get("quotesByStatus"));
            row(md, "FX audit: completed conversions seen by the client / in the read model",
                    audit.get("completedConversionsSeen") + " / " + audit.get("completedConversionsInReadModel"));
            row(md, "FX audit: quotes on more than one transaction / wallets not as the quotes imply",
                    audit.get("quotesUsedTwice") + " / " + audit.get("walletsDiffering"));
            row(md, "FX audit: second transfers on a used quote, whole run", audit.get("transfersOnUsedQuotes"));
            row(md, "FX audit: races on one quote, whole run", audit.get("races"));
            row(md, "FX audit: liquidity and revenue accounts (minor units)", audit.get("fxAccounts"));
        }
    }

    private static void tokensRow(StringBuilder md, Map<String, Object> figures) {
        if (figures.get("bearerTokens") instanceof Map<?, ?> tokens) {
            row(md, "bearer tokens renewed before expiry / after a 401 / failed fetches", tokens.get("renewedBeforeExpiry")
                    + " / " + tokens.get("renewedAfter401") + " / " + tokens.get("failedFetches"));
        }
    }

    private static String percent(Object change) {
        double value = ((Number) change).doubleValue();
        return (value > 0 ? "+" : "") + value + "%";
    }

    @SuppressWarnings("unchecked")
    private String replayMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("### replay (").append(startedAt).append(")\n\n");
        md.append("| figure | value |\n|---|---|\n");
        Map<String, Object> store = (Map<String, Object>) figures.get("store");
        Map<String, Object> seeding = (Map<String, Object>) figures.get("seeding");
        Map<String, Object> pit = (Map<String, Object>) figures.get("pointInTime");
        row(md, "events in the store", "%,d".formatted(((Number) store.get("events")).longValue()));
        row(md, "hot wallet entries", "%,d (%s)".formatted(((Number) store.get("hotWalletEntries")).longValue(),
                store.get("hotWallet")));
        Seeding.Session seeded = (Seeding.Session) seeding.get("thisRun");
        row(md, "data", Boolean.TRUE.equals(seeding.get("reusedData")) ? "reused from an earlier run" : "seeded in this run");
        if (seeded.fundingSeconds() > 0) {
            row(md, "opening and funding the wallets (s)", round(seeded.fundingSeconds()));
        }
        if (seeded.transfers() == 0) {
            row(md, "seeding in this run", "none needed");
        } else {
            row(md, "seeding in this run: transfers, time (s), transfers/s, events/s", "%,d, %s, %s, %s".formatted(
                    seeded.transfers(), round(seeded.seconds()), seeding.get("thisRunTransfersPerSecond"),
                    seeding.get("thisRunEventsPerSecond")));
            row(md, "seeding in this run: events before / after, hot entries before / after", "%,d / %,d, %,d / %,d"
                    .formatted(seeded.eventsBefore(), seeded.eventsAfter(), seeded.hotEntriesBefore(),
                            seeded.hotEntriesAfter()));
            row(md, "seeding in this run: answers", seeded.statusCounts());
        }
        row(md, "seeding of this data, all runs (funding included, s)", seeding.get("totalSeconds"));
        row(md, "audit views (MongoDB)", settings.get("auditViews"));
        for (Map<String, Object> pass : (List<Map<String, Object>>) figures.get("replayPasses")) {
            boolean all = pass.get("mode").equals("all");
            row(md, all ? "replay, all projections at once: wall time (s)" : "replay, one after the other: total time (s)",
                    pass.get("seconds"));
            row(md, all ? "replay, all at once: stored events/s into every projection"
                    : "replay, one after the other: stored events/s into every projection", "%,.0f".formatted(
                    ((Number) pass.get("storeEventsPerSecond")).doubleValue()));
            for (Map<String, Object> run : (List<Map<String, Object>>) pass.get("projections")) {
                row(md, "%s %s: events/s (events, s)".formatted(all ? "all at once," : "alone,", run.get("projection")),
                        "%,.0f (%,d in %s s)%s".formatted(((Number) run.get("eventsPerSecond")).doubleValue(),
                                ((Number) run.get("eventsTotal")).longValue(), run.get("seconds"),
                                "COMPLETED".equals(run.get("state")) ? "" : " " + run.get("state") + ": " + run.get("error")));
            }
            row(md, (all ? "all at once" : "one after the other") + ": app CPU (cores used)", pass.get("appCpuCoresUsed"));
        }
        row(md, "app peak heap during the replays (MiB)", figures.get("appPeakHeapMiBDuringReplay"));
        row(md, "point-in-time balance, sequential: reads/s", pit.get("sequentialReadsPerSecond"));
        row(md, "point-in-time balance, sequential: p50 / p95 / p99 / max (ms)", latencyText(pit.get("sequentialLatencyMs")));
        row(md, "point-in-time balance, %s workers: reads/s".formatted(pit.get("concurrency")),
                pit.get("concurrentReadsPerSecond"));
        row(md, "point-in-time balance, %s workers: p50 / p95 / p99 / max (ms)".formatted(pit.get("concurrency")),
                latencyText(pit.get("concurrentLatencyMs")));
        row(md, "balance replayed from the wallet's events (%,d read on average): p50 / p95 / p99 / max (ms), %s reads".formatted(
                ((Number) pit.get("replayedFromEventsEventsRead")).longValue(), pit.get("replayedFromEventsReads")),
                latencyText(pit.get("replayedFromEventsLatencyMs")));
        row(md, "replayed balances differing from the read model", pit.get("replayedVersusReadModelMismatches"));
        for (Object finding : (List<Object>) figures.get("readModelDifferencesNotCountedAsViolations")) {
            row(md, "read model after the replay: known difference", finding);
        }
        for (Map<String, Object> page : (List<Map<String, Object>>) figures.getOrDefault("pages", List.of())) {
            row(md, "dashboard page %s: p50 / p99 / max (ms), %s renders".formatted(page.get("page"), page.get("renders")),
                    "%s / %s / %s%s".formatted(page.get("p50Ms"), page.get("p99Ms"), page.get("maxMs"),
                            ((Number) page.get("notOk")).intValue() > 0 ? " (" + page.get("notOk") + " not 200)" : ""));
        }
        tokensRow(md, figures);
        Map<String, Object> baseline = (Map<String, Object>) figures.get("baseline");
        row(md, "pgbench single-row insert tps (same server)",
                baseline.get("pgbenchInsertTps") == null ? baseline.get("note") : baseline.get("pgbenchInsertTps"));
        row(md, "audit", audit.passed()
                ? "passed (read model as before the replay, known differences above aside; %d transfers of this run checked)"
                .formatted(audit.acknowledgedTransfers())
                : "FAILED: " + String.join("; ", audit.violations()));
        md.append("\n| goal | measured | met? |\n|---|---|---|\n");
        for (Map<String, Object> goal : (List<Map<String, Object>>) figures.get("goals")) {
            md.append("| ").append(goal.get("goal")).append(" | ").append(goal.get("measured")).append(" | ")
                    .append(goal.get("met")).append(" |\n");
        }
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
    }

    /**
     * One row per kind of write (how many of its iterations read stale), one per GET judged (its latency against the
     * control GET's), then the writes, the background load, and the rest.
     */
    @SuppressWarnings("unchecked")
    private String readYourWritesMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(scenario).append(" (").append(startedAt).append(")\n\n");
        md.append(("%s measured iterations of each kind (after %s in the warm-up), %s s; one sequential client, each "
                + "GET sent at once after the write's answer, never retried.\n\n").formatted(
                figures.get("iterationsPerKind"), figures.get("warmupIterationsPerKind"), figures.get("measuredSeconds")));
        md.append("| kind | write | iterations | stale reads | write p50 / p99 (ms) | write errors | not judged |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, Object>> kinds = (Map<String, Map<String, Object>>) figures.get("kinds");
        kinds.forEach((name, kind) -> {
            Map<?, ?> write = (Map<?, ?>) kind.get("writeLatencyMs");
            md.append("| %s | %s | %s | %s (%s%%) | %s / %s | %s | %s |\n".formatted(name, kind.get("write"),
                    kind.get("iterations"), kind.get("staleReads"), kind.get("stalePercent"), write.get("p50"),
                    write.get("p99"), kind.get("writeErrors"),
                    ((Map<?, ?>) kind.get("notJudged")).isEmpty() ? "" : kind.get("notJudged")));
        });
        md.append("\n| kind | GET (must show) | stale | read errors | GET p50 / p95 / p99 / max (ms) | control GET "
                + "p50 / p95 / p99 / max (ms) | added p50 / p95 / p99 / max (ms) | sent after the write's answer p50 / "
                + "max (ms) |\n|---|---|---|---|---|---|---|---|\n");
        kinds.forEach((name, kind) -> {
            for (Map<String, Object> read : (List<Map<String, Object>>) kind.get("reads")) {
                Map<?, ?> since = (Map<?, ?>) read.get("sentAfterWriteAnswerMs");
                md.append("| %s | %s (%s) | %s of %s (%s%%) | %s | %s | %s | %s | %s / %s |\n".formatted(name,
                        read.get("read"), read.get("mustShow"), read.get("stale"), read.get("judged"),
                        read.get("stalePercent"), read.get("readErrors"), latencyText(read.get("getLatencyMs")),
                        latencyText(read.get("controlGetLatencyMs")), latencyText(read.get("addedLatencyMs")),
                        since.get("p50"), since.get("max")));
            }
        });
        md.append("\n| figure | value |\n|---|---|\n");
        for (Map<String, Object> write : (List<Map<String, Object>>) figures.get("writes")) {
            row(md, write.get("request") + ": p50 / p95 / p99 / max (ms), answers", latencyText(write.get("latencyMs"))
                    + ", " + write.get("answers") + (((List<?>) write.get("errorExamples")).isEmpty() ? ""
                    : ", e.g. " + write.get("errorExamples")));
        }
        row(md, "write errors (answers other than 2xx)", figures.get("writeErrors"));
        kinds.forEach((name, kind) -> {
            for (Map<String, Object> read : (List<Map<String, Object>>) kind.get("reads")) {
                List<String> stale = (List<String>) read.get("staleExamples");
                List<String> other = (List<String>) read.get("otherExamples");
                if (!stale.isEmpty()) {
                    row(md, name + ", " + read.get("read") + ": stale, e.g.", String.join("; ", stale));
                }
                if (!other.isEmpty()) {
                    row(md, name + ", " + read.get("read") + ": read errors and control anomalies, e.g.",
                            String.join("; ", other));
                }
            }
        });
        row(md, "control GETs that did not show their unchanged resource", figures.get("controlAnomalies"));
        if (figures.get("background") instanceof Map<?, ?> background) {
            row(md, "background: transfer requests/s (201 COMPLETED/s)", background.get("transferRequestsPerSecond")
                    + " (" + background.get("completedTransfersPerSecond") + ")");
            row(md, "background: transfer latency p50 / p95 / p99 / max (ms)",
                    latencyText(background.get("transferLatencyMs")));
            row(md, "background: answers by status", background.get("statusCounts"));
        } else {
            row(md, "background load", figures.get("background"));
        }
        Map<?, ?> lag = (Map<?, ?>) figures.get("projectionLagMs");
        row(md, "projection lag of the transfers completed in the window p50 / p99 / max (ms)",
                lag.get("p50") + " / " + lag.get("p99") + " / " + lag.get("max") + " (" + lag.get("transfers")
                        + " transfers)");
        row(md, "app CPU (cores used)", figures.get("appCpuCoresUsed"));
        tokensRow(md, figures);
        row(md, "audit", audit.passed() ? "passed (%d transfers checked)".formatted(audit.acknowledgedTransfers())
                : "FAILED: " + String.join("; ", audit.violations()));
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
    }

    /** The cluster: its two phases side by side and the second against the first, then the kills and the audit. */
    @SuppressWarnings("unchecked")
    private String clusterMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(scenario).append(" (").append(startedAt).append(")\n\n");
        List<Map<String, Object>> phases = (List<Map<String, Object>>) figures.get("phases");
        Map<String, Object> one = phases.getFirst();
        Map<String, Object> all = phases.getLast();
        Map<String, Object> ratio = (Map<String, Object>) figures.get("nodesToOneNodeRatio");
        md.append("| figure | phase 1: %s node(s) | phase 2: %s node(s), %s kill(s) | phase 2 ÷ phase 1 |\n"
                .formatted(one.get("nodes"), all.get("nodes"), all.get("kills")));
        md.append("|---|---|---|---|\n");
        md.append("| transfer requests/s | %s | %s | %s |\n".formatted(one.get("transferRequestsPerSecond"),
                all.get("transferRequestsPerSecond"), ratio.get("transferRequestsPerSecond")));
        md.append("| COMPLETED transfers/s visible | %s | %s | %s |\n".formatted(
                one.get("completedTransfersVisiblePerSecond"), all.get("completedTransfersVisiblePerSecond"),
                ratio.get("completedTransfersVisiblePerSecond")));
        md.append("| transfer latency p50 / p95 / p99 / max (ms) | %s | %s | p50 %s, p99 %s |\n".formatted(
                latencyText(one.get("transferLatencyMs")), latencyText(all.get("transferLatencyMs")),
                ratio.get("transferLatencyP50Ms"), ratio.get("transferLatencyP99Ms")));
        Map<?, ?> lagOne = (Map<?, ?>) one.get("projectionLagMs");
        Map<?, ?> lagAll = (Map<?, ?>) all.get("projectionLagMs");
        md.append("| projection lag p50 / p99 / max (ms) | %s / %s / %s | %s / %s / %s | |\n".formatted(
                lagOne.get("p50"), lagOne.get("p99"), lagOne.get("max"), lagAll.get("p50"), lagAll.get("p99"),
                lagAll.get("max")));
        md.append("| requests (measured) | %s | %s | |\n".formatted(one.get("requests"), all.get("requests")));
        md.append("| client retries (%% of requests) | %s (%s%%) | %s (%s%%) | |\n".formatted(one.get("clientRetries"),
                one.get("clientRetriesPercentOfRequests"), all.get("clientRetries"),
                all.get("clientRetriesPercentOfRequests")));
        md.append("| client retries by cause | %s | %s | |\n".formatted(one.get("clientRetriesByCause"),
                all.get("clientRetriesByCause")));
        md.append("| unanswered | %s | %s | |\n".formatted(one.get("unanswered"), all.get("unanswered")));
        md.append("| answers by status | %s | %s | |\n".formatted(one.get("statusCounts"), all.get("statusCounts")));
        md.append("| app CPU, all its nodes (cores used) | %s | %s | |\n".formatted(one.get("appCpuCoresUsed"),
                all.get("appCpuCoresUsed")));
        md.append("\n| figure | value |\n|---|---|\n");
        row(md, "requests, both phases (measured)", figures.get("requests"));
        row(md, "client retries, both phases (% of requests)", figures.get("clientRetries") + " ("
                + figures.get("clientRetriesPercentOfRequests") + "%)");
        row(md, "client retries by cause, both phases", figures.get("clientRetriesByCause"));
        if (chaos != null) {
            row(md, ClusterScenario.KILL_COUNT, chaos.get(ClusterScenario.KILL_COUNT));
            for (NodeKills.Kill kill : (List<NodeKills.Kill>) chaos.get("kills")) {
                row(md, "kill", "node %d (pid %d) at %s s of the measured window, back after %s s (pid %d)".formatted(
                        kill.node(), kill.killedPid(), round(kill.atSecond()), round(kill.secondsAbsent()),
                        kill.restartedPid()));
            }
            row(md, "failed kill steps", chaos.get("failed kill steps"));
        }
        Map<String, Object> baseline = (Map<String, Object>) figures.get("baseline");
        row(md, "pgbench single-row insert tps (same server, same concurrency)",
                baseline.get("pgbenchInsertTps") == null ? baseline.get("note") : baseline.get("pgbenchInsertTps"));
        if (baseline.get("pgbenchLedgerTransferTps") != null) {
            row(md, "pure-SQL double-entry ledger transfers/s (pgbench, same server, same concurrency)",
                    baseline.get("pgbenchLedgerTransferTps"));
        }
        tokensRow(md, figures);
        row(md, "audit", audit.passed() ? "passed (%d transfers checked)".formatted(audit.acknowledgedTransfers())
                : "FAILED: " + String.join("; ", audit.violations()));
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
    }

    /**
     * The payroll scenario: the job (time to completion from the approval, items/s, the goal, the progress each
     * second), then the interactive transfers alone and during the job side by side, the kills, the payroll audit.
     */
    @SuppressWarnings("unchecked")
    private String payrollMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(scenario).append(" (").append(startedAt).append(")\n\n");
        Map<String, Object> job = (Map<String, Object>) figures.get("payroll");
        Map<String, Object> interactive = (Map<String, Object>) figures.get("interactive");
        Map<String, Object> alone = (Map<String, Object>) interactive.get("alone");
        Map<String, Object> during = (Map<String, Object>) interactive.get("duringJob");
        md.append("| figure | value |\n|---|---|\n");
        boolean toPhones = BenchOptions.PAY_TO_MPESA.equals(job.get("payTo"));
        row(md, "job", "%s: %s items to %s, %s".formatted(job.get("jobId"), job.get("items"),
                toPhones ? "phones by M-Pesa" : job.get("payees") + " payees", job.get("totalAmount")));
        row(md, "job created (POST /payroll/jobs, ms)", job.get("createLatencyMs"));
        row(md, "job approved by the second client (ms)", job.get("approveLatencyMs"));
        row(md, "final status", job.get("finalStatus"));
        row(md, "time to completion, from the approval (s, as polled)", job.get("secondsToCompletion"));
        row(md, "items/s, from the approval", job.get("itemsPerSecond"));
        row(md, "goal", job.get("goal"));
        row(md, "progress (processed items, each second from the approval)",
                PayrollProgress.timelineText((List<?>) job.get("timeline")));
        row(md, "app CPU during the job (cores used)", figures.get("appCpuCoresUsedDuringJob"));
        md.append("\n| interactive single transfers | alone, before the job | during the job |\n|---|---|---|\n");
        md.append("| measured (s) | %s | %s |\n".formatted(alone.get("measuredSeconds"), during.get("measuredSeconds")));
        md.append("| transfers (transfers/s) | %s (%s) | %s (%s) |\n".formatted(alone.get("transfers"),
                alone.get("transfersPerSecond"), during.get("transfers"), during.get("transfersPerSecond")));
        md.append("| latency p50 / p95 / p99 / max (ms) | %s | %s |\n".formatted(
                latencyText(alone.get("transferLatencyMs")), latencyText(during.get("transferLatencyMs"))));
        md.append("| answers by status | %s | %s |\n".formatted(alone.get("statusCounts"), during.get("statusCounts")));
        md.append("| retries / unanswered | %s / %s | %s / %s |\n".formatted(alone.get("retries"),
                alone.get("unanswered"), during.get("retries"), during.get("unanswered")));
        md.append("\n| figure | value |\n|---|---|\n");
        row(md, "interactive p99 during the job ÷ alone", interactive.get("p99DuringToAloneRatio"));
        if (chaos != null) {
            row(md, PayrollScenario.KILL_COUNT, chaos.get(PayrollScenario.KILL_COUNT));
            for (Object entry : (List<Object>) chaos.get("kills")) {
                PayrollScenario.Kill kill = (PayrollScenario.Kill) entry;
                row(md, "kill", "pid %d at %s s after the approval, %d items processed, back after %s s (pid %d)"
                        .formatted(kill.killedPid(), round(kill.atSecond()), kill.processedAt(),
                                round(kill.secondsAbsent()), kill.restartedPid()));
            }
        }
        if (figures.get("payoutsAfterTheJob") != null) {
            row(md, "payouts by status after the job", figures.get("payoutsAfterTheJob"));
        }
        if (toPhones && figures.get("payrollAudit") instanceof Map<?, ?> payroll) {
            row(md, "payroll audit: items by status", payroll.get("itemsByStatus"));
            row(md, "payroll audit: failed items by the provider's result code", payroll.get("failuresByResultCode"));
            row(md, "payroll audit: succeeded / failed / total items", payroll.get("succeededItems") + " / "
                    + payroll.get("failedItems") + " / " + payroll.get("totalItems"));
            row(md, "payroll audit: COMPLETED items not one payout the provider paid / FAILED items not unpaid / "
                    + "items with another payment id", payroll.get("completedItemsNotPaidExactlyOnce") + " / "
                    + payroll.get("failedItemsNotUnpaid") + " / " + payroll.get("itemsWithOtherPayment"));
            row(md, "payroll audit: payouts / transfers from the source", payroll.get("payoutsFromSource") + " / "
                    + payroll.get("transfersFromSource"));
            row(md, "payroll audit: source available / expected / held (minor units)",
                    payroll.get("sourceAvailableMinor") + " / " + payroll.get("sourceExpectedMinor") + " / "
                            + payroll.get("sourceHeldMinor"));
        } else if (figures.get("payrollAudit") instanceof Map<?, ?> payroll) {
            row(md, "payroll audit: items by status", payroll.get("itemsByStatus"));
            row(md, "payroll audit: succeeded / failed / total items", payroll.get("succeededItems") + " / "
                    + payroll.get("failedItems") + " / " + payroll.get("totalItems"));
            row(md, "payroll audit: items not paid exactly once / with another transfer id",
                    payroll.get("itemsNotPaidExactlyOnce") + " / " + payroll.get("itemsWithOtherTransfer"));
            row(md, "payroll audit: payees not holding funding + items", payroll.get("payeesDiffering"));
            row(md, "payroll audit: source available / expected / held (minor units)",
                    payroll.get("sourceAvailableMinor") + " / " + payroll.get("sourceExpectedMinor") + " / "
                            + payroll.get("sourceHeldMinor"));
        }
        if (figures.get("baseline") instanceof Map<?, ?> baseline) {
            row(md, "pgbench single-row insert tps (same server, same concurrency)",
                    baseline.get("pgbenchInsertTps") == null ? baseline.get("note") : baseline.get("pgbenchInsertTps"));
        }
        tokensRow(md, figures);
        row(md, "audit", audit.passed() ? "passed (%d interactive transfers and every payroll item checked)"
                .formatted(audit.acknowledgedTransfers()) : "FAILED: " + String.join("; ", audit.violations()));
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
    }

    /** The webhooks scenario: its three phases side by side, then the deliveries' audit. */
    @SuppressWarnings("unchecked")
    private String webhooksMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(scenario).append(" (").append(startedAt).append(")\n\n");
        Map<String, Object> alone = (Map<String, Object>) figures.get("alone");
        Map<String, Object> with = (Map<String, Object>) figures.get("withWebhooks");
        Map<String, Object> outage = (Map<String, Object>) figures.get("outage");
        Map<String, Object> ratio = (Map<String, Object>) figures.get("withWebhooksToAloneRatio");
        md.append("| figure | no endpoint | one endpoint of every event | with ÷ without |\n|---|---|---|---|\n");
        md.append("| transfer requests/s | %s | %s | %s |\n".formatted(alone.get("transferRequestsPerSecond"),
                with.get("transferRequestsPerSecond"), ratio.get("transferRequestsPerSecond")));
        md.append("| COMPLETED transfers/s visible | %s | %s | %s |\n".formatted(
                alone.get("completedTransfersVisiblePerSecond"), with.get("completedTransfersVisiblePerSecond"),
                ratio.get("completedTransfersVisiblePerSecond")));
        md.append("| transfer latency p50 / p95 / p99 / max (ms) | %s | %s | |\n".formatted(
                latencyText(alone.get("transferLatencyMs")), latencyText(with.get("transferLatencyMs"))));
        md.append("| app CPU (cores used) | %s | %s | %s |\n".formatted(alone.get("appCpuCoresUsed"),
                with.get("appCpuCoresUsed"), ratio.get("appCpuCoresUsed")));
        md.append("| events delivered in the window (per second) | | %s (%s) | |\n".formatted(
                with.get("eventsDeliveredInTheWindow"), with.get("eventsDeliveredPerSecond")));
        md.append("| delivery lag, event stored to its first arrival, p50 / p95 / p99 / max (ms) | | %s | |\n"
                .formatted(latencyText(with.get("deliveryLagMs"))));
        md.append("| of which: fan-out (event to its delivery row) and dispatch (row to first attempt), p50 / p99 (ms) "
                + "| | %s | |\n".formatted(with.get("deliveryLagPartsMs")));
        md.append("| projection lag p50 / p99 / max (ms) | %s | %s | |\n".formatted(
                lagText(alone.get("projectionLagMs")), lagText(with.get("projectionLagMs"))));
        md.append("| from the load's end until every event was delivered (s) | | %s | |\n".formatted(
                with.get("secondsFromTheLoadsEndUntilAllDelivered")));
        md.append("\n| outage phase | value |\n|---|---|\n");
        row(md, "transfer requests/s (receiver down, then up)", outage.get("transferRequestsPerSecond"));
        row(md, "public events stored while the receiver was down", outage.get("eventsStoredDuringTheOutage"));
        row(md, "from the receiver's return until every event stored before it was delivered (s)",
                outage.get("secondsFromTheReceiversReturnUntilEveryEarlierEventWasDelivered"));
        Map<String, Object> delivery = (Map<String, Object>) figures.get("delivery");
        md.append("\n| deliveries, whole run | value |\n|---|---|\n");
        row(md, "public events stored after the endpoint's registration / delivered / missing",
                delivery.get("publicEventsStoredAfterRegistration") + " / " + delivery.get("delivered") + " / "
                        + delivery.get("missing"));
        row(md, "requests received / duplicates (the same webhook-id again)", delivery.get("requestsReceived") + " / "
                + delivery.get("duplicates"));
        row(md, "wallet events that first arrived before an earlier one", delivery.get("walletEventsOutOfOrder"));
        row(md, "attempts by outcome (the app's log)", delivery.get("attemptsByOutcome"));
        if (figures.get("baseline") instanceof Map<?, ?> baseline) {
            row(md, "pgbench pure-SQL ledger transfers tps (same server, same concurrency)",
                    baseline.get("pgbenchLedgerTransferTps") == null ? baseline.get("note")
                            : baseline.get("pgbenchLedgerTransferTps"));
        }
        row(md, "audit", audit.passed() ? "passed (%d transfers acknowledged, every public event delivered)"
                .formatted(audit.acknowledgedTransfers()) : "FAILED: " + String.join("; ", audit.violations()));
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
    }

    private static String lagText(Object lag) {
        Map<?, ?> percentiles = (Map<?, ?>) lag;
        return percentiles.get("p50") + " / " + percentiles.get("p99") + " / " + percentiles.get("max");
    }

    private static String latencyText(Object latency) {
        Map<?, ?> percentiles = (Map<?, ?>) latency;
        return percentiles.get("p50") + " / " + percentiles.get("p95") + " / " + percentiles.get("p99") + " / "
                + percentiles.get("max");
    }

    private static void row(StringBuilder md, String name, Object value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", value));
    }

    static List<String> describeMachine() {
        return List.of(System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors() + " cores",
                "JDK " + System.getProperty("java.runtime.version"));
    }
}
