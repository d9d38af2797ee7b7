package com.mizani.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatenciesTest {

    @Test
    void percentilesUseTheNearestRankInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int ms = 100; ms >= 1; ms--) {
            latencies.add(ms * 1_000_000L);
        }

        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.percentileMs(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMs(99)).isEqualTo(99.0);
        assertThat(latencies.maxMs()).isEqualTo(100.0);
    }

    @Test
    void mergingKeepsEverySampleAndAnEmptySetReportsZero() {
        Latencies first = new Latencies();
        Latencies second = new Latencies();
        for (int i = 0; i < 5000; i++) {
            first.add(1_000_000L);
            second.add(3_000_000L);
        }
        Latencies merged = new Latencies();
        merged.addAll(first);
        merged.addAll(second);

        assertThat(merged.count()).isEqualTo(10_000);
        assertThat(merged.percentileMs(50)).isEqualTo(1.0);
        assertThat(merged.percentileMs(51)).isEqualTo(3.0);
        assertThat(new Latencies().percentileMs(99)).isZero();
    }
}
