package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationCostTest {

    private static final Audit.Result PASSED = new Audit.Result(true, List.of(), 1_000, 0, 0, 1.5, Map.of());

    @Test
    void theCostIsWhatTheAuthenticatedHalfMeasuredLessOrMoreThanTheOtherInPercentOfIt() {
        Map<String, Object> comparison = AuthenticationCost.compare(
                AuthenticationCost.half(figures(640, 89.0, 227.0, 1.44), 1_000, PASSED),
                AuthenticationCost.half(figures(600, 95.0, 250.0, 1.50), 2_000, PASSED),
                List.of("authentication off", "authentication on"), List.of("order: off, then on"));

        @SuppressWarnings("unchecked")
        Map<String, Object> change = (Map<String, Object>) comparison.get("onVersusOffPercent");
        assertThat(change.get("transferRequestsPerSecond")).isEqualTo(-6.25);
        assertThat(change.get("transferLatencyP50Ms")).isEqualTo(6.74);
        assertThat(change.get("transferLatencyP99Ms")).isEqualTo(10.13);
        // 2.25 ms of app CPU per transfer without authentication, 2.5 ms with it.
        assertThat(change.get("appCpuMsPerTransfer")).isEqualTo(11.11);
        assertThat(comparison.get("throughputCostPercent")).isEqualTo(6.25);
        assertThat(comparison.get("goalMet")).isEqualTo(true);
        assertThat(comparison.get("order")).isEqualTo(List.of("authentication off", "authentication on"));
    }

    @Test
    void tenPercentFewerTransfersMissesTheGoalAndAFailedHalfSaysSo() {
        Audit.Result failed = new Audit.Result(false, List.of("3 transfers are stuck in REQUESTED"), 10, 0, 0, 120, Map.of());
        Map<String, Object> on = AuthenticationCost.half(figures(90, 10, 20, 1), 5, failed);

        Map<String, Object> comparison = AuthenticationCost.compare(AuthenticationCost.half(figures(100, 10, 20, 1), 0, PASSED),
                on, List.of(), List.of());

        assertThat(comparison.get("throughputCostPercent")).isEqualTo(10.0);
        assertThat(comparison.get("goalMet")).isEqualTo(false);
        assertThat(on.get("audit")).isEqualTo("FAILED: 3 transfers are stuck in REQUESTED");
    }

    @Test
    void twoAuditsMakeOneThatNamesTheHalfOfEachViolation() {
        Map<String, Audit.Result> halves = new LinkedHashMap<>();
        halves.put("authentication off", PASSED);
        halves.put("authentication on", new Audit.Result(false, List.of("the ledger is not balanced"), 500, 0, 0, 3, Map.of()));

        Audit.Result audit = Audit.Result.ofParts(halves);

        assertThat(audit.passed()).isFalse();
        assertThat(audit.violations()).containsExactly("authentication on: the ledger is not balanced");
        assertThat(audit.acknowledgedTransfers()).isEqualTo(1_500);
        assertThat(audit.catchUpSeconds()).isEqualTo(3);
    }

    @Test
    void theReportShowsBothHalvesTheCostAndWhatDiffersInMarkdownAndJson(@TempDir Path reports) throws Exception {
        Map<String, Object> off = Report.figures(load(100, 80), readModel(100), drain(), 15, 600L << 20, null);
        Map<String, Object> on = Report.figures(load(95, 90), readModel(95), drain(), 15, 610L << 20, null);
        on.put("bearerTokens", Map.of("client", "bench-1a2b3c4d", "renewedBeforeExpiry", 0L, "renewedAfter401", 0L,
                "failedFetches", 0L));
        Map<String, Object> figures = new LinkedHashMap<>(on);
        figures.put("authenticationCost", AuthenticationCost.compare(AuthenticationCost.half(off, 800, PASSED),
                AuthenticationCost.half(on, 3_000, PASSED), List.of("authentication off", "authentication on"),
                List.of("order: off, then on")));
        Report report = new Report("transfers", Instant.parse("2026-12-01T12:00:00Z"), Map.of(), figures, null, PASSED);

        String markdown = report.markdown();
        JsonNode json = new ObjectMapper().readTree(report.write(reports).toFile());

        assertThat(markdown).contains("| transfer requests/s | 100.0 | 95.0 | -5.0% |",
                "| events in the store at the start | 800 | 3,000 | |",
                "Authentication cost 5.0% of the transfer requests/s. Goal: authentication costs under 10% of transfer "
                        + "requests/s: met.", "- order: off, then on",
                "| bearer tokens renewed before expiry / after a 401 / failed fetches | 0 / 0 / 0 |");
        JsonNode cost = json.path("figures").path("authenticationCost");
        assertThat(cost.path("throughputCostPercent").asDouble()).isEqualTo(5.0);
        assertThat(cost.path("authenticationOff").path("transferRequestsPerSecond").asDouble()).isEqualTo(100.0);
        assertThat(cost.path("authenticationOn").path("transferLatencyMs").path("p50").asDouble()).isEqualTo(90.0);
        assertThat(json.path("figures").path("transferRequestsPerSecond").asDouble()).isEqualTo(95.0);
    }

    /** A second of transfers, all answered 201 after {@code latencyMs}. */
    private static LoadRun.Result load(int transfers, long latencyMs) {
        return LoadResults.of(LoadRun.Operation.TRANSFER, transfers, latencyMs, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Map.of("transfer 201", (long) transfers), Map.of(), 1);
    }

    private static ReadModelFigures.Result readModel(double visiblePerSecond) {
        return new ReadModelFigures.Result((long) visiblePerSecond, visiblePerSecond, 300, 700, 800, 0, 0, 0, 0, 0);
    }

    private static Drain.Result drain() {
        return new Drain.Result(true, 0, Instant.parse("2026-12-01T12:00:11Z"), Map.of());
    }

    private static Map<String, Object> figures(double transfersPerSecond, double p50, double p99, double cores) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("transferRequestsPerSecond", transfersPerSecond);
        figures.put("completedTransfersVisiblePerSecond", transfersPerSecond);
        figures.put("transferLatencyMs", Map.of("p50", p50, "p95", p99, "p99", p99, "max", p99));
        figures.put("appCpuCoresUsed", cores);
        figures.put("appPeakHeapMiB", 600.0);
        figures.put("statusCounts", Map.of("transfer 201", 1_000L));
        return figures;
    }
}
