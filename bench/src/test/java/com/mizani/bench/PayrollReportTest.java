package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PayrollReportTest {

    private static final LoadRun.Operation TRANSFER = LoadRun.Operation.TRANSFER;

    @Test
    void recordsTheFirstPollOfEachSecondAndTheMomentTheJobWasSeenFinal() {
        PayrollProgress progress = new PayrollProgress();
        progress.polled(100, 0, "RUNNING", false);
        progress.polled(900, 300, "RUNNING", false);
        progress.polled(1_050, 400, "RUNNING", false);
        progress.polled(1_700, 600, "RUNNING", false);
        progress.polled(2_300, 1_000, "COMPLETED", true);

        assertThat(progress.samples()).extracting(PayrollProgress.Sample::processedItems).containsExactly(0L, 400L, 1_000L);
        assertThat(progress.secondsToCompletion()).isEqualTo(2.3);
        assertThat(progress.finalStatus()).isEqualTo("COMPLETED");
        assertThat(PayrollProgress.timelineText(progress.timeline())).isEqualTo("0.1 s: 0, 1.05 s: 400, 2.3 s: 1000");
    }

    @Test
    void judgesTheGoalOnlyOnTenThousandItemsWithoutKills() {
        assertThat(PayrollProgress.goalVerdict(10_000, 0, 24.5, false)).endsWith("met (24.5 s)");
        assertThat(PayrollProgress.goalVerdict(10_000, 0, 31, false)).endsWith("not met (31.0 s)");
        assertThat(PayrollProgress.goalVerdict(10_000, 0, -1, false)).endsWith("not met (the job did not finish)");
        assertThat(PayrollProgress.goalVerdict(500, 0, 2, false)).endsWith("not judged (this run: 500 items, 0 kill(s))");
        assertThat(PayrollProgress.goalVerdict(10_000, 1, 20, false)).contains("not judged");
        assertThat(PayrollProgress.goalVerdict(10_000, 0, 20, false)).startsWith("10,000 wallet items in ≤ 30 s on this box");
    }

    @Test
    void killsFallAtEqualSharesOfTheItems() {
        assertThat(PayrollScenario.killThresholds(10_000, 1)).containsExactly(5_000L);
        assertThat(PayrollScenario.killThresholds(9_000, 2)).containsExactly(3_000L, 6_000L);
        assertThat(PayrollScenario.killThresholds(10_000, 0)).isEmpty();
    }

    @Test
    void theReportGivesTheJobAndTheInteractiveLatencyAloneAndDuringIt(@TempDir Path reports) throws Exception {
        BenchOptions options = BenchOptions.parse("payroll", "--items", "1000", "--wallets", "10", "--seed", "3");
        PayrollPlan plan = PayrollPlan.toWallets("src", List.of("p1", "p2"), 1_000, 3);
        PayrollProgress progress = new PayrollProgress();
        progress.polled(1_000, 400, "RUNNING", false);
        progress.polled(2_000, 800, "RUNNING", false);
        progress.polled(2_500, 1_000, "COMPLETED", true);
        // Alone: 10 s of 500 transfers of 20 ms; during: 2.5 s of 100 transfers of 50 ms.
        LoadRun.Result alone = LoadResults.of(TRANSFER, 500, 20, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Map.of("transfer 201", 500L), Map.of(), 1);
        LoadRun.Result during = LoadResults.of(TRANSFER, 100, 50, Duration.ZERO, Duration.ofMillis(2_500),
                Map.of("transfer 201", 100L), Map.of(), 1);
        Map<String, Object> figures = PayrollScenario.figures(options, plan, "job-1", 850, 120, progress, alone,
                during, 1.5);
        figures.put("payrollAudit", new LinkedHashMap<>(Map.of("itemsByStatus", Map.of("COMPLETED", 1_000),
                "succeededItems", 1_000, "failedItems", 0, "totalItems", 1_000, "itemsNotPaidExactlyOnce", 0,
                "itemsWithOtherTransfer", 0, "payeesDiffering", 0, "sourceAvailableMinor", 5, "sourceExpectedMinor", 5,
                "sourceHeldMinor", 0)));
        Map<String, Object> chaos = new LinkedHashMap<>();
        chaos.put(PayrollScenario.KILL_COUNT, 1);
        chaos.put("kills", List.of(new PayrollScenario.Kill(11, 12, 1.2, 450, 9.5)));
        Audit.Result passed = new Audit.Result(true, List.of(), 600, 0, 0, 1.0, Map.of());
        Report report = new Report(BenchOptions.PAYROLL, Instant.parse("2026-12-02T12:00:00Z"),
                Map.of("machine", List.of("Linux amd64", "2 cores")), figures, chaos, passed);

        String markdown = report.markdown();
        JsonNode json = new ObjectMapper().readTree(report.write(reports).toFile());

        assertThat(markdown).contains(
                "### payroll (2026-12-02T12:00:00Z)",
                "| job | job-1: 1000 items to 10 payees, " + PayrollPlan.decimal(plan.totalMinor()) + " KES |",
                "| final status | COMPLETED |",
                "| time to completion, from the approval (s, as polled) | 2.5 |",
                "| items/s, from the approval | 400.0 |",
                "| goal | 10,000 wallet items in ≤ 30 s on this box: not judged (this run: 1,000 items, 0 kill(s)) |",
                "| progress (processed items, each second from the approval) | 1.0 s: 400, 2.0 s: 800, 2.5 s: 1000 |",
                "| transfers (transfers/s) | 500 (50.0) | 100 (40.0) |",
                "| latency p50 / p95 / p99 / max (ms) | 20.0 / 20.0 / 20.0 / 20.0 | 50.0 / 50.0 / 50.0 / 50.0 |",
                "| interactive p99 during the job ÷ alone | 2.5 |",
                "| kill | pid 11 at 1.2 s after the approval, 450 items processed, back after 9.5 s (pid 12) |",
                "| payroll audit: items not paid exactly once / with another transfer id | 0 / 0 |",
                "| audit | passed (600 interactive transfers and every payroll item checked) |",
                "Settings: {machine=[Linux amd64, 2 cores]}");
        JsonNode job = json.path("figures").path("payroll");
        assertThat(job.path("secondsToCompletion").asDouble()).isEqualTo(2.5);
        assertThat(job.path("itemsPerSecond").asDouble()).isEqualTo(400.0);
        assertThat(job.path("timeline")).hasSize(3);
        assertThat(job.path("timeline").get(1).path("processedItems").asLong()).isEqualTo(800);
        JsonNode interactive = json.path("figures").path("interactive");
        assertThat(interactive.path("alone").path("transferLatencyMs").path("p99").asDouble()).isEqualTo(20.0);
        assertThat(interactive.path("duringJob").path("transferLatencyMs").path("p99").asDouble()).isEqualTo(50.0);
        assertThat(json.path("chaos").path("kills").get(0).path("processedAt").asLong()).isEqualTo(450);
    }

    @Test
    void theReportOfAnMpesaJobGivesItsPayoutsAndTheProvidersResultCodes(@TempDir Path reports) throws Exception {
        BenchOptions options = BenchOptions.parse("payroll", "--items", "100", "--pay-to", "mpesa", "--seed", "3");
        PayrollPlan plan = PayrollPlan.toPhones("src", 100, 3);
        PayrollProgress progress = new PayrollProgress();
        progress.polled(4_000, 100, "COMPLETED_WITH_FAILURES", true);
        LoadRun.Result load = LoadResults.of(TRANSFER, 100, 20, Duration.ZERO, Duration.ofSeconds(4),
                Map.of("transfer 201", 100L), Map.of(), 1);
        Map<String, Object> figures = PayrollScenario.figures(options, plan, "job-2", 50, 20, progress, load, load,
                1.0);
        figures.put("payoutsAfterTheJob", Map.of("FAILED", 2L, "SETTLED", 98L));
        figures.put("payrollAudit", PayrollPayoutAudit.figures(new PayrollPayoutAudit.Observed(100,
                "COMPLETED_WITH_FAILURES", 100, 98, 2, Map.of("COMPLETED", 98L, "FAILED", 2L), Map.of("2001", 2L), 0,
                0, 0, 100, 0, 0, 7, 7)));
        Audit.Result passed = new Audit.Result(true, List.of(), 100, 0, 0, 1.0, Map.of());
        Report report = new Report(BenchOptions.PAYROLL, Instant.parse("2026-12-02T12:00:00Z"),
                Map.of("machine", List.of("Linux amd64", "2 cores")), figures, null, passed);

        assertThat(report.markdown()).contains(
                "| job | job-2: 100 items to phones by M-Pesa, " + PayrollPlan.decimal(plan.totalMinor()) + " KES |",
                "| goal | 10,000 M-Pesa items settled in ≤ 60 s on this box: not judged (this run: 100 items, 0 kill(s)) |",
                "| payouts by status after the job | ",
                "| payroll audit: failed items by the provider's result code | {2001=2} |",
                "| payroll audit: COMPLETED items not one payout the provider paid / FAILED items not unpaid / items "
                        + "with another payment id | 0 / 0 / 0 |",
                "| payroll audit: payouts / transfers from the source | 100 / 0 |")
                .doesNotContain("payees not holding");
        JsonNode json = new ObjectMapper().readTree(report.write(reports).toFile());
        assertThat(json.path("figures").path("payroll").path("payTo").asText()).isEqualTo("mpesa");
        assertThat(json.path("figures").path("payrollAudit").path("failuresByResultCode").path("2001").asLong())
                .isEqualTo(2);
    }
}
