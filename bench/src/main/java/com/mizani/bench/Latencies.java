package com.mizani.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds; one instance per worker, merged at the end (no sharing on the hot path). */
final class Latencies {

    private long[] samples = new long[4096];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    int count() {
        return size;
    }

    /** Nearest-rank percentile in milliseconds (p in 0..100); 0 when there are no samples. */
    double percentileMs(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }

    double maxMs() {
        return percentileMs(100);
    }
}
