package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The report of a load in batches ({@code --batch-size}): which figures count transfers, which batch requests. */
class BatchReportTest {

    private static final Audit.Result PASSED = new Audit.Result(true, List.of(), 5_000, 0, 0, 1.5, Map.of());
    private static final Baseline.Result BASELINE = new Baseline.Result(10_000.0, 4_000.0, "pgbench ...", null);

    @Test
    void transfersPerSecondAndTheRatioToThePureSqlLedgerCountItemsAndTheLatencyIsPerBatchRequest(@TempDir Path reports)
            throws Exception {
        // Ten seconds of 100 batches of 50, each answered after 400 ms: 4,990 transfers done, 10 refused.
        Map<String, Object> figures = Report.figures(load(100, 400, 50, Map.of("transfer batch 200", 100L,
                        "transfer batch item 201", 4_990L, "transfer batch item 422", 10L), Map.of("429 RATE_LIMITED", 3L)),
                readModel(499), new Drain.Result(true, 0, Instant.parse("2026-12-02T12:00:21Z"), Map.of()), 15,
                600L << 20, BASELINE);
        Report report = new Report("transfers", Instant.parse("2026-12-02T12:00:00Z"), Map.of(), figures, null, PASSED);

        String markdown = report.markdown();
        JsonNode json = new ObjectMapper().readTree(report.write(reports).toFile());

        assertThat(markdown).contains(
                "Transfers in batches of 50 (`POST /api/v1/transfers/batch`): figures marked *per item* count "
                        + "transfers, those marked *per request* count batch requests.",
                "| requests/s completed (per request) | 10.0 |",
                "| transfers per batch request | 50 |",
                "| batch requests/s (per request) | 10.0 |",
                "| transfers answered done/s (per item: 201, COMPLETED or FAILED) | 499.0 |",
                "| COMPLETED transfers/s visible in the read model (per item) | 499.0 |",
                "| batch request latency p50 / p95 / p99 / max (ms, per request, its resends included) | 400.0 / 400.0 "
                        + "/ 400.0 / 400.0 |",
                "| latency p50 / p95 / p99 / max (ms, per request) | 400.0 / 400.0 / 400.0 / 400.0 |",
                "| projection lag p50 / p99 / max (ms, per item) | 300.0 / 700.0 / 800.0 |",
                "| transfers by the status that finished each (per item) | {201=4990, 422=10} |",
                "| batch resends by cause (per request) | {429 RATE_LIMITED=3} |",
                "| visible transfers/s ÷ pure-SQL ledger transfers/s (per item) | 0.12 |");
        assertThat(markdown).doesNotContain("| transfer requests/s |", "| transfer latency p50");
        JsonNode batches = json.path("figures").path("transferBatches");
        assertThat(batches.path("itemsPerRequest").asInt()).isEqualTo(50);
        assertThat(batches.path("requestsPerSecond").asDouble()).isEqualTo(10.0);
        assertThat(batches.path("requestLatencyMs").path("p99").asDouble()).isEqualTo(400.0);
        assertThat(batches.path("itemsAnswered").asLong()).isEqualTo(5_000);
        assertThat(batches.path("itemsDonePerSecond").asDouble()).isEqualTo(499.0);
        assertThat(batches.path("itemsByStatus").path("422").asLong()).isEqualTo(10);
        assertThat(json.path("figures").path("baseline").path("transfersVisibleToLedgerRatio").asDouble())
                .isEqualTo(0.12);
    }

    @Test
    void singleTransfersAreReportedAsBeforeWithoutBatchFigures() {
        Map<String, Object> figures = Report.figures(load(1_000, 80, 1, Map.of("transfer 201", 1_000L), Map.of()),
                readModel(100), new Drain.Result(true, 0, Instant.parse("2026-12-02T12:00:21Z"), Map.of()), 15,
                600L << 20, BASELINE);

        String markdown = new Report("transfers", Instant.parse("2026-12-02T12:00:00Z"), Map.of(), figures, null, PASSED)
                .markdown();

        assertThat(figures).doesNotContainKey("transferBatches");
        assertThat(markdown).contains("| requests/s completed | 100.0 |", "| transfer requests/s | 100.0 |",
                "| latency p50 / p95 / p99 / max (ms) | 80.0 / 80.0 / 80.0 / 80.0 |",
                "| projection lag p50 / p99 / max (ms) | 300.0 / 700.0 / 800.0 |",
                "| visible transfers/s ÷ pure-SQL ledger transfers/s | 0.03 |");
        assertThat(markdown).doesNotContain("per item", "per request", "batch");
    }

    /** Ten measured seconds of {@code requests} transfer requests of {@code batchSize} each, all after {@code latencyMs}. */
    private static LoadRun.Result load(int requests, long latencyMs, int batchSize, Map<String, Long> statusCounts,
                                       Map<String, Long> resendsByCause) {
        LoadRun.Operation sent = batchSize > 1 ? LoadRun.Operation.TRANSFER_BATCH : LoadRun.Operation.TRANSFER;
        return LoadResults.of(sent, requests, latencyMs, Duration.ofSeconds(5), Duration.ofSeconds(10), statusCounts,
                resendsByCause, batchSize);
    }

    private static ReadModelFigures.Result readModel(double visiblePerSecond) {
        return new ReadModelFigures.Result((long) visiblePerSecond * 10, visiblePerSecond, 300, 700, 800, 0, 0, 0, 0,
                0);
    }
}
