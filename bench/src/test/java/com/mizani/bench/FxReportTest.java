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

class FxReportTest {

    private static final LoadRun.Operation QUOTE = LoadRun.Operation.FX_QUOTE;
    private static final LoadRun.Operation TRANSFER = LoadRun.Operation.FX_TRANSFER;
    private static final LoadRun.Operation CONVERSION = LoadRun.Operation.FX_CONVERSION;
    private static final LoadRun.Operation SPENT = LoadRun.Operation.FX_SPENT_QUOTE;

    @Test
    void theReportGivesQuotesTransfersAndBothTogetherEachPerSecondWithItsLatency(@TempDir Path reports)
            throws Exception {
        // Ten seconds: 500 quotes (20 ms), 490 of them issued; 490 transfers on them (60 ms), 480 completed; 480
        // iterations with both (80 ms); 10 second tries of a used quote.
        LoadRun.Result load = LoadResults.ofSteps(
                Map.of(QUOTE, 500, TRANSFER, 490, CONVERSION, 500, SPENT, 10),
                Map.of(QUOTE, 20L, TRANSFER, 60L, CONVERSION, 80L, SPENT, 30L), Duration.ofSeconds(10),
                Map.of("fx quote 201", 490L, "fx quote 503 FX_UNAVAILABLE", 10L, "fx transfer 201", 480L,
                        "fx transfer 422 INSUFFICIENT_FUNDS", 10L, "fx conversion 201", 480L,
                        "fx transfer on a used quote 409 QUOTE_USED", 10L));
        Map<String, Object> figures = Report.figures(load, new ReadModelFigures.Result(470, 47, 90, 300, 400, 0, 0,
                0, 0, 0), new Drain.Result(true, 0, Instant.EPOCH, Map.of()), 12, 512L << 20, null);
        figures.put("fxAudit", Map.of("quotesByStatus", Map.of("USED", 480), "completedConversionsSeen", 480,
                "completedConversionsInReadModel", 480));
        Audit.Result passed = new Audit.Result(true, List.of(), 480, 0, 0, 1.0, Map.of());
        Report report = new Report(BenchOptions.FX, Instant.parse("2026-12-02T12:00:00Z"),
                Map.of("machine", List.of("Linux amd64", "2 cores")), figures, null, passed);

        String markdown = report.markdown();
        JsonNode json = new ObjectMapper().readTree(report.write(reports).toFile());

        assertThat(markdown).contains(
                "### fx (2026-12-02T12:00:00Z)",
                "| requests/s completed | 100.0 |",
                "| FX quotes issued/s (201) | 49.0 (490) |",
                "| FX quote latency p50 / p95 / p99 / max (ms) | 20.0 / 20.0 / 20.0 / 20.0 |",
                "| cross-currency transfers completed/s (201 COMPLETED) | 48.0 (480) |",
                "| cross-currency transfer latency p50 / p95 / p99 / max (ms) | 60.0 / 60.0 / 60.0 / 60.0 |",
                "| quote + transfer completed/s (one iteration each) | 48.0 (480) |",
                "| quote + transfer latency p50 / p95 / p99 / max (ms) | 80.0 / 80.0 / 80.0 / 80.0 |",
                "| COMPLETED transfers/s visible in the read model | 47.0 |",
                "| second transfers on a used quote, by answer (measured) | {409 QUOTE_USED=10} |",
                "| FX audit: completed conversions seen by the client / in the read model | 480 / 480 |",
                "| audit | passed (480 transfers, 0 payouts, 0 C2B TransIDs checked) |",
                "Settings: {machine=[Linux amd64, 2 cores]}");
        // The transfer rows of the single-currency scenarios would read 0: the fx scenario sends none of theirs.
        assertThat(markdown).doesNotContain("| transfer requests/s |");
        JsonNode fx = json.path("figures").path("fx");
        assertThat(fx.path("quotesIssuedPerSecond").asDouble()).isEqualTo(49.0);
        assertThat(fx.path("transfersCompletedPerSecond").asDouble()).isEqualTo(48.0);
        assertThat(fx.path("conversionsCompletedPerSecond").asDouble()).isEqualTo(48.0);
        assertThat(fx.path("transferLatencyMs").path("p99").asDouble()).isEqualTo(60.0);
        assertThat(fx.path("transfersOnUsedQuotes").path("409 QUOTE_USED").asLong()).isEqualTo(10);
        // Requests are the quotes and the transfers; a conversion is two of them, not a third.
        assertThat(json.path("figures").path("requests").asLong()).isEqualTo(1_000);
        assertThat(json.path("startedAt").asText()).isEqualTo("2026-12-02T12:00:00Z");
        assertThat(json.path("settings").path("machine").get(1).asText()).isEqualTo("2 cores");
    }
}
