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
        return result(latencies, byOperation, warmup, window, statusCounts, resendsByCause, batchSize);
    }

    /**
     * Several kinds of request in one load, as the fx scenario's: of each operation {@code requests}, each answered
     * after its {@code latencyMs}, none resent; only the operations that are requests count among all requests.
     */
    static LoadRun.Result ofSteps(Map<LoadRun.Operation, Integer> requests, Map<LoadRun.Operation, Long> latencyMs,
                                  Duration window, Map<String, Long> statusCounts) {
        Map<LoadRun.Operation, Latencies> byOperation = new EnumMap<>(LoadRun.Operation.class);
        Latencies all = new Latencies();
        for (LoadRun.Operation operation : LoadRun.Operation.values()) {
            Latencies latencies = new Latencies();
            for (int i = 0; i < requests.getOrDefault(operation, 0); i++) {
                latencies.add(latencyMs.get(operation) * 1_000_000);
            }
            byOperation.put(operation, latencies);
            if (operation.request) {
                all.addAll(latencies);
            }
        }
        return result(all, byOperation, Duration.ofSeconds(5), window, statusCounts, Map.of(), 1);
    }

    private static LoadRun.Result result(Latencies all, Map<LoadRun.Operation, Latencies> byOperation,
                                         Duration warmup, Duration window, Map<String, Long> statusCounts,
                                         Map<String, Long> resendsByCause, int batchSize) {
        long resends = resendsByCause.values().stream().mapToLong(Long::longValue).sum();
        return new LoadRun.Result(MEASURED_FROM.minus(warmup), MEASURED_FROM, MEASURED_FROM.plus(window), all,
                byOperation, statusCounts, resends, 0, resendsByCause, batchSize);
    }
}
