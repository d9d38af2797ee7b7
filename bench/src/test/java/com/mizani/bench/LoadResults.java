package com.mizani.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Made-up load results for the report tests: one kind of request, every one answered after the same latency. */
final class LoadResults {

    private static final Instant MEASURED_FROM = Instant.parse("2026-12-02T12:00:10Z");

    private LoadResults() {
    }

    /**
     * {@code requests} requests of {@code sent}, each {@code latencyMs}, in a measured window of {@code window} after
     * a warm-up of {@code warmup}; {@code batchSize} transfers in each.
     */
    static LoadRun.Result of(LoadRun.Operation sent, int requests, long latencyMs, Duration warmup, Duration window,
                             Map<String, Long> statusCounts, Map<String, Long> resendsByCause, int batchSize) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < requests; i++) {
            latencies.add(latencyMs * 1_000_000);
        }
        Map<LoadRun.Operation, Latencies> byOperation = new EnumMap<>(LoadRun.Operation.class);
        for (LoadRun.Operation operation : LoadRun.Operation.values()) {
            byOperation.put(operation, operation == sent ? latencies : new Latencies());
        }
        long resends = resendsByCause.values().stream().mapToLong(Long::longValue).sum();
        return new LoadRun.Result(MEASURED_FROM.minus(warmup), MEASURED_FROM, MEASURED_FROM.plus(window), latencies,
                byOperation, statusCounts, resends, 0, resendsByCause, batchSize);
    }
}
