package com.mizani.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What authentication costs on transfers ({@code --compare-auth}): the figures of the same load, run once against the
 * app with authentication and rate limits off and once with them on, side by side, and the relative differences. The
 * goal is judged on transfer requests per second.
 */
final class AuthenticationCost {

    /** Authentication may cost at most this share of the transfers per second. */
    static final double GOAL_PERCENT = 10;

    private AuthenticationCost() {
    }

    /** One half's figures as the comparison shows them, from that half's {@link Report#figures}. */
    static Map<String, Object> half(Map<String, Object> figures, long eventsAtStart, Audit.Result audit) {
        Map<String, Object> half = new LinkedHashMap<>();
        double transfersPerSecond = number(figures.get("transferRequestsPerSecond"));
        double cores = number(figures.get("appCpuCoresUsed"));
        half.put("transferRequestsPerSecond", transfersPerSecond);
        half.put("completedTransfersVisiblePerSecond", figures.get("completedTransfersVisiblePerSecond"));
        half.put("transferLatencyMs", figures.get("transferLatencyMs"));
        half.put("appCpuCoresUsed", cores);
        half.put("appCpuMsPerTransfer", transfersPerSecond <= 0 ? 0 : Report.round(cores * 1000 / transfersPerSecond));
        half.put("appPeakHeapMiB", figures.get("appPeakHeapMiB"));
        half.put("statusCounts", figures.get("statusCounts"));
        half.put("eventsInStoreAtStart", eventsAtStart);
        if (figures.containsKey("bearerTokens")) {
            half.put("bearerTokens", figures.get("bearerTokens"));
        }
        half.put("audit", audit.passed() ? "passed, %d transfers".formatted(audit.acknowledgedTransfers())
                : "FAILED: " + String.join("; ", audit.violations()));
        return half;
    }

    /**
     * The comparison: both halves, each figure of the authenticated half as a change from the unauthenticated one (in
     * percent of it: -5 is 5% less), and the cost the goal is judged on: the share of transfer requests per second
     * that authentication took.
     *
     * @param differences what differs between the halves besides authentication, in words
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> compare(Map<String, Object> off, Map<String, Object> on, List<String> order,
                                       List<String> differences) {
        Map<String, Object> offLatency = (Map<String, Object>) off.get("transferLatencyMs");
        Map<String, Object> onLatency = (Map<String, Object>) on.get("transferLatencyMs");
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("transferRequestsPerSecond", change(on.get("transferRequestsPerSecond"), off.get("transferRequestsPerSecond")));
        change.put("completedTransfersVisiblePerSecond",
                change(on.get("completedTransfersVisiblePerSecond"), off.get("completedTransfersVisiblePerSecond")));
        change.put("transferLatencyP50Ms", change(onLatency.get("p50"), offLatency.get("p50")));
        change.put("transferLatencyP99Ms", change(onLatency.get("p99"), offLatency.get("p99")));
        change.put("appCpuMsPerTransfer", change(on.get("appCpuMsPerTransfer"), off.get("appCpuMsPerTransfer")));
        double throughputCost = Report.round(-(double) change.get("transferRequestsPerSecond"));

        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("order", order);
        comparison.put("authenticationOff", off);
        comparison.put("authenticationOn", on);
        comparison.put("onVersusOffPercent", change);
        comparison.put("throughputCostPercent", throughputCost);
        comparison.put("goal", "authentication costs under %.0f%% of transfer requests/s".formatted(GOAL_PERCENT));
        comparison.put("goalMet", throughputCost < GOAL_PERCENT);
        comparison.put("differences", differences);
        return comparison;
    }

    /** {@code value} against {@code reference}, in percent of it: positive if larger, negative if smaller. */
    private static double change(Object value, Object reference) {
        double base = number(reference);
        return base <= 0 ? 0 : Report.round((number(value) / base - 1) * 100);
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
