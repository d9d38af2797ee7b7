package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeedingTest {

    @Test
    void theHotShareMakesBothTargetsFallDueWithTheSameTransfer() {
        // 1,000,000 events are 250,000 transfers, of which 100,000 must involve the hot wallet.
        assertThat(Seeding.hotShare(1_000_000, 100_000)).isEqualTo(0.4);
        // The hot wallet lags (its transfers are serialised): every transfer must be hot from now on.
        assertThat(Seeding.hotShare(40_000, 50_000)).isEqualTo(1.0);
        assertThat(Seeding.hotShare(-10, 7)).isEqualTo(1.0);
        // Enough hot entries: none.
        assertThat(Seeding.hotShare(500_000, 0)).isZero();
        assertThat(Seeding.hotShare(500_000, -3)).isZero();
    }

    @Test
    void theManifestRoundTripsAndRecordsEverySession(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        assertThat(Seeding.Manifest.read(directory)).isNull();
        Seeding.Session first = new Seeding.Session(Instant.parse("2026-11-21T10:00:00Z"), 12.5, 400, 250_000, 100_000,
                400, 1_000_400, 1, 100_001, Map.of("201", 250_000L));
        Seeding.Manifest manifest = new Seeding.Manifest("hot", List.of("hot", "a", "b"), 300, List.of()).with(first);

        manifest.write(directory);
        Seeding.Manifest read = Seeding.Manifest.read(directory);

        assertThat(Files.exists(directory.resolve(Seeding.MANIFEST))).isTrue();
        assertThat(read).isEqualTo(manifest);
        assertThat(read.sessions()).containsExactly(first);
        assertThat(first.transfersPerSecond()).isEqualTo(625.0);
        assertThat(first.eventsPerSecond()).isEqualTo(2500.0);
    }
}
