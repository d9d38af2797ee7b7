package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayOptionsTest {

    @Test
    void theReplayScenarioDefaultsToTheIssuesSizesAndBothModes() {
        BenchOptions options = BenchOptions.parse("replay");

        assertThat(options.scenario()).isEqualTo("replay");
        assertThat(options.appHeap()).isEqualTo("1g");
        assertThat(options.replay().events()).isEqualTo(1_000_000);
        assertThat(options.replay().hotEntries()).isEqualTo(100_000);
        assertThat(options.replay().reuseData()).isNull();
        assertThat(options.replay().each()).isTrue();
        assertThat(options.replay().all()).isTrue();
        assertThat(options.replay().reads()).isEqualTo(10_000);
        assertThat(options.replay().auditViews()).isTrue();
        assertThat(BenchOptions.usage()).contains("replay", "--reuse-data", "--hot-entries");
    }

    @Test
    void parsesTheReplayOptions() {
        BenchOptions options = BenchOptions.parse("replay", "--events", "2000", "--hot-entries", "300",
                "--reuse-data", "/tmp/seeded", "--replay-mode", "all", "--reads", "50", "--read-concurrency", "4",
                "--audit-reads", "2", "--app-heap", "3G", "--no-audit-views");

        assertThat(options.replay().events()).isEqualTo(2000);
        assertThat(options.replay().hotEntries()).isEqualTo(300);
        assertThat(options.replay().reuseData()).isEqualTo(Path.of("/tmp/seeded"));
        assertThat(options.replay().all()).isTrue();
        assertThat(options.replay().each()).isFalse();
        assertThat(BenchOptions.parse("replay", "--replay-mode", "each").replay().all()).isFalse();
        assertThat(options.replay().reads()).isEqualTo(50);
        assertThat(options.replay().readConcurrency()).isEqualTo(4);
        assertThat(options.replay().auditReads()).isEqualTo(2);
        assertThat(options.appHeap()).isEqualTo("3g");
        assertThat(options.replay().auditViews()).isFalse();
    }

    @Test
    void refusesAnUnknownModeAHeapWithoutUnitAndDataInsideTheWorkDirectory() {
        assertThatThrownBy(() -> BenchOptions.parse("replay", "--replay-mode", "some"))
                .hasMessageContaining("both, all, each");
        assertThatThrownBy(() -> BenchOptions.parse("replay", "--app-heap", "1024"))
                .hasMessageContaining("--app-heap");
        // The work directory is emptied at the start of every run, which would delete the seeded database.
        assertThatThrownBy(() -> BenchOptions.parse("replay", "--work-dir", "/tmp/work", "--reuse-data", "/tmp/work/seeded"))
                .hasMessageContaining("outside --work-dir");
        assertThatThrownBy(() -> BenchOptions.parse("replay", "--events", "0")).hasMessageContaining("at least 1");
    }
}
