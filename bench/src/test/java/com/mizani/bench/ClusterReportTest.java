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

class ClusterReportTest {

    private static final Audit.Result PASSED = new Audit.Result(true, List.of(), 1_700, 0, 0, 1.5, Map.of());

    @Test
    void theReportShowsBothPhasesTheirRatioTheRetriesByCauseAndTheKill(@TempDir Path reports) throws Exception {
        ClusterScenario.Phase one = new ClusterScenario.Phase(1, 1, load(1_000, 80, Map.of()), 15, List.of(),
                List.of());
        NodeKills.Kill kill = new NodeKills.Kill(2, 4242, 4343, 7.5, 12.25);
        ClusterScenario.Phase two = new ClusterScenario.Phase(2, 2, load(800, 120,
                Map.of("connection refused", 150L, "409 CONCURRENT_MODIFICATION", 40L, "503 SERVICE_UNAVAILABLE", 10L)),
                20, List.of(kill), List.of());

        Map<String, Object> figures = ClusterScenario.figures(List.of(one, two),
                List.of(readModel(100), readModel(80)), null, new Drain.Result(true, 0, Instant.EPOCH, Map.of()));
        Report report = new Report(BenchOptions.CLUSTER, Instant.parse("2026-12-02T12:00:00Z"), Map.of(), figures,
                ClusterScenario.kills(two), PASSED);

        String markdown = report.markdown();
        JsonNode json = new ObjectMapper().readTree(report.write(reports).toFile());

        assertThat(markdown).contains(
                "| figure | phase 1: 1 node(s) | phase 2: 2 node(s), 1 kill(s) | phase 2 ÷ phase 1 |",
                "| transfer requests/s | 100.0 | 80.0 | 0.8 |",
                "| transfer latency p50 / p95 / p99 / max (ms) | 80.0 / 80.0 / 80.0 / 80.0 | 120.0 / 120.0 / 120.0 / "
                        + "120.0 | p50 1.5, p99 1.5 |",
                "| client retries (% of requests) | 0 (0.0%) | 200 (25.0%) | |",
                "| client retries, both phases (% of requests) | 200 (11.11%) |",
                "| kill | node 2 (pid 4242) at 7.5 s of the measured window, back after 12.25 s (pid 4343) |",
                "| audit | passed (1700 transfers checked) |");
        JsonNode phases = json.path("figures").path("phases");
        assertThat(phases.get(1).path("clientRetriesByCause").path("409 CONCURRENT_MODIFICATION").asLong())
                .isEqualTo(40);
        assertThat(phases.get(1).path("appCpuCoresUsed").asDouble()).isEqualTo(2.0);
        assertThat(json.path("figures").path("nodesToOneNodeRatio").path("completedTransfersVisiblePerSecond")
                .asDouble()).isEqualTo(0.8);
        assertThat(json.path("figures").path("requests").asLong()).isEqualTo(1_800);
        assertThat(json.path("chaos").path("kills").get(0).path("secondsAbsent").asDouble()).isEqualTo(12.25);
    }

    /** Ten seconds of transfers, all answered 201 after {@code latencyMs}, with these resends. */
    private static LoadRun.Result load(int transfers, long latencyMs, Map<String, Long> resendsByCause) {
        return LoadResults.of(LoadRun.Operation.TRANSFER, transfers, latencyMs, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Map.of("transfer 201", (long) transfers), resendsByCause, 1);
    }

    private static ReadModelFigures.Result readModel(double visiblePerSecond) {
        return new ReadModelFigures.Result((long) visiblePerSecond * 10, visiblePerSecond, 300, 700, 800, 0, 0, 0, 0,
                0);
    }
}
