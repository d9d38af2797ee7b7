package com.mizani.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    static Map<String, Object> figures(LoadRun.Result load, ReadModelFigures.Result readModel, double appCpuSeconds,
                                       long peakHeapBytes, Baseline.Result baseline) {
        Map<String, Object> figures = new LinkedHashMap<>();
        double seconds = load.seconds();
        figures.put("measuredSeconds", seconds);
        figures.put("requests", load.requests());
        figures.put("requestsPerSecond", round(load.requests() / seconds));
        figures.put("transferRequests", load.transfers().count());
        figures.put("transferRequestsPerSecond", round(load.transfers().count() / seconds));
        figures.put("completedTransfersVisiblePerSecond", round(readModel.completedVisiblePerSecond()));
        figures.put("latencyMs", Map.of("p50", round(load.all().percentileMs(50)), "p95", round(load.all().percentileMs(95)),
                "p99", round(load.all().percentileMs(99)), "max", round(load.all().maxMs())));
        figures.put("transferLatencyMs", Map.of("p50", round(load.transfers().percentileMs(50)),
                "p95", round(load.transfers().percentileMs(95)), "p99", round(load.transfers().percentileMs(99)),
                "max", round(load.transfers().maxMs())));
        figures.put("statusCounts", load.statusCounts());
        figures.put("projectionLagMs", Map.of("p50", round(readModel.lagP50Ms()), "p99", round(readModel.lagP99Ms()),
                "max", round(readModel.lagMaxMs())));
        figures.put("appCpuCoresUsed", round(appCpuSeconds / seconds));
        figures.put("appPeakHeapMiB", round(peakHeapBytes / 1024.0 / 1024.0));
        figures.put("retries", load.retries());
        figures.put("unanswered", load.unanswered());
        Map<String, Object> base = new LinkedHashMap<>();
        base.put("pgbenchInsertTps", baseline == null ? null : baseline.insertTransactionsPerSecond());
        base.put("command", baseline == null ? null : baseline.command());
        base.put("note", baseline == null ? "skipped (--no-baseline)" : baseline.note());
        if (baseline != null && baseline.insertTransactionsPerSecond() != null) {
            base.put("transfersVisibleToBaselineRatio",
                    round(readModel.completedVisiblePerSecond() / baseline.insertTransactionsPerSecond()));
        }
        figures.put("baseline", base);
        return figures;
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
        StringBuilder md = new StringBuilder();
        md.append("### ").append(scenario).append(" (").append(startedAt).append(")\n\n");
        md.append("| figure | value |\n|---|---|\n");
        Map<String, Object> latency = (Map<String, Object>) figures.get("latencyMs");
        Map<String, Object> transferLatency = (Map<String, Object>) figures.get("transferLatencyMs");
        Map<String, Object> lag = (Map<String, Object>) figures.get("projectionLagMs");
        Map<String, Object> baseline = (Map<String, Object>) figures.get("baseline");
        row(md, "requests/s completed", figures.get("requestsPerSecond"));
        row(md, "transfer requests/s", figures.get("transferRequestsPerSecond"));
        row(md, "COMPLETED transfers/s visible in the read model", figures.get("completedTransfersVisiblePerSecond"));
        row(md, "latency p50 / p95 / p99 / max (ms)", latency.get("p50") + " / " + latency.get("p95") + " / "
                + latency.get("p99") + " / " + latency.get("max"));
        row(md, "transfer latency p50 / p95 / p99 / max (ms)", transferLatency.get("p50") + " / "
                + transferLatency.get("p95") + " / " + transferLatency.get("p99") + " / " + transferLatency.get("max"));
        row(md, "answers by status", figures.get("statusCounts"));
        row(md, "projection lag p50 / p99 / max (ms)", lag.get("p50") + " / " + lag.get("p99") + " / " + lag.get("max"));
        row(md, "app CPU (cores used)", figures.get("appCpuCoresUsed"));
        row(md, "app peak heap (MiB)", figures.get("appPeakHeapMiB"));
        row(md, "pgbench single-row insert tps (same server, same concurrency)",
                baseline.get("pgbenchInsertTps") == null ? baseline.get("note") : baseline.get("pgbenchInsertTps"));
        if (baseline.containsKey("transfersVisibleToBaselineRatio")) {
            row(md, "visible transfers/s ÷ baseline tps", baseline.get("transfersVisibleToBaselineRatio"));
        }
        if (chaos != null) {
            chaos.forEach((key, value) -> row(md, "chaos: " + key, value));
        }
        row(md, "retries / unanswered", figures.get("retries") + " / " + figures.get("unanswered"));
        row(md, "audit", audit.passed() ? "passed (" + audit.acknowledgedTransfers() + " acknowledged transfers checked)"
                : "FAILED: " + String.join("; ", audit.violations()));
        md.append("\nSettings: ").append(settings).append('\n');
        return md.toString();
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
