package com.mizani.bench;

import org.junit.jupiter.api.Test;

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
        Map<String, Object> cost = (Map<String, Object>) comparison.get("cost");
        assertThat(cost.get("transferRequestsPerSecondPercentLess")).isEqualTo(6.25);
        assertThat(cost.get("latencyP50PercentMore")).isEqualTo(6.74);
        assertThat(cost.get("latencyP99PercentMore")).isEqualTo(10.13);
        // 2.25 ms of app CPU per transfer without authentication, 2.5 ms with it.
        assertThat(cost.get("appCpuPerTransferPercentMore")).isEqualTo(11.11);
        assertThat(comparison.get("goalMet")).isEqualTo(true);
        assertThat(comparison.get("order")).isEqualTo(List.of("authentication off", "authentication on"));
    }

    @Test
    void tenPercentFewerTransfersMissesTheGoalAndAFailedHalfSaysSo() {
        Audit.Result failed = new Audit.Result(false, List.of("3 transfers are stuck in REQUESTED"), 10, 0, 0, 120, Map.of());
        Map<String, Object> on = AuthenticationCost.half(figures(90, 10, 20, 1), 5, failed);

        Map<String, Object> comparison = AuthenticationCost.compare(AuthenticationCost.half(figures(100, 10, 20, 1), 0, PASSED),
                on, List.of(), List.of());

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
