package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReadYourWritesTest {

    private static final long MS = 1_000_000;

    @Test
    void aGetIsFreshOnlyIfItsBodyShowsTheWrite() {
        String[] shown = new String[1];
        ReadYourWrites.Read debited = new ReadYourWrites.Read(200, "{\"available\":\"999999.00\"}", 0, MS);

        assertThat(ReadYourWrites.judge(debited, ReadYourWrites.balance(99_999_900), shown))
                .isEqualTo(ReadYourWrites.Verdict.FRESH);
        assertThat(ReadYourWrites.judge(debited, ReadYourWrites.balance(99_999_800), shown))
                .isEqualTo(ReadYourWrites.Verdict.STALE);
        assertThat(shown[0]).isEqualTo("available 999999.00, expected 999998.00");
        assertThat(ReadYourWrites.judge(new ReadYourWrites.Read(200, "{\"status\":\"REQUESTED\"}", 0, MS),
                ReadYourWrites.status("COMPLETED"), shown)).isEqualTo(ReadYourWrites.Verdict.STALE);
        assertThat(shown[0]).isEqualTo("status REQUESTED, expected COMPLETED");
    }

    @Test
    void aNotFoundIsStaleAndAnyOtherFailureIsAReadError() {
        String[] shown = new String[1];

        assertThat(ReadYourWrites.judge(new ReadYourWrites.Read(404, "{\"code\":\"WALLET_NOT_FOUND\"}", 0, MS),
                ReadYourWrites.status("ACTIVE"), shown)).isEqualTo(ReadYourWrites.Verdict.STALE);
        assertThat(shown[0]).isEqualTo("404 WALLET_NOT_FOUND");
        assertThat(ReadYourWrites.judge(new ReadYourWrites.Read(503, "{}", 0, MS), ReadYourWrites.status("ACTIVE"),
                shown)).isEqualTo(ReadYourWrites.Verdict.READ_ERROR);
        assertThat(ReadYourWrites.judge(new ReadYourWrites.Read(0, "java.net.ConnectException", 0, MS),
                ReadYourWrites.status("ACTIVE"), shown)).isEqualTo(ReadYourWrites.Verdict.READ_ERROR);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aKindCountsAnIterationStaleIfAnyOfItsGetsWasAndAddedLatencyIsTheControlsDifference() {
        ReadYourWrites.Write write = new ReadYourWrites.Write("POST /api/v1/transfers");
        ReadYourWrites.Check status = new ReadYourWrites.Check("GET /api/v1/transfers/{id}", "COMPLETED", "control");
        ReadYourWrites.Check balance = new ReadYourWrites.Check("GET /api/v1/wallets/{source}", "debited", "control");
        ReadYourWrites.Kind kind = new ReadYourWrites.Kind("transfer", write, status, balance);
        for (int i = 0; i < 4; i++) {
            write.latency.add(10 * MS);
            ReadYourWrites.Verdict first = i == 0 ? ReadYourWrites.Verdict.STALE : ReadYourWrites.Verdict.FRESH;
            ReadYourWrites.Verdict second = i <= 1 ? ReadYourWrites.Verdict.STALE : ReadYourWrites.Verdict.FRESH;
            status.record(first, "status REQUESTED", (3 + i) * MS, 2 * MS, 0, null);
            balance.record(second, "stale balance", 5 * MS, 2 * MS, 4 * MS, i == 3 ? "404" : null);
            kind.judged(first, second);
        }

        Map<String, Object> figures = kind.figures();
        assertThat(figures).containsEntry("iterations", 4L).containsEntry("staleReads", 2L)
                .containsEntry("stalePercent", 50.0);
        List<Map<String, Object>> reads = (List<Map<String, Object>>) figures.get("reads");
        assertThat(reads.get(0)).containsEntry("stale", 1L).containsEntry("stalePercent", 25.0);
        assertThat((Map<String, Object>) reads.get(0).get("addedLatencyMs")).containsEntry("p50", 2.0)
                .containsEntry("max", 4.0);
        assertThat(reads.get(1)).containsEntry("stale", 2L).containsEntry("controlAnomalies", 1L);
        assertThat((Map<String, Object>) reads.get(1).get("sentAfterWriteAnswerMs")).containsEntry("p50", 4.0);
    }

    @Test
    void theReportShowsEachKindAndEachGetWithItsControl() {
        ReadYourWrites.Write deposit = new ReadYourWrites.Write("POST /api/v1/deposits");
        ReadYourWrites.Check wallet = new ReadYourWrites.Check("GET /api/v1/wallets/{id}", "credited", "control");
        ReadYourWrites.Check payment = new ReadYourWrites.Check("GET {Location}", "SETTLED", "control");
        ReadYourWrites.Kind deposits = new ReadYourWrites.Kind("deposit", deposit, wallet);
        ReadYourWrites.Kind payments = new ReadYourWrites.Kind("payment", deposit, payment);
        deposit.latency.add(8 * MS);
        deposit.answers.put("201", 1L);
        wallet.record(ReadYourWrites.Verdict.STALE, "available 1.00, expected 2.00", 3 * MS, 2 * MS, 0, null);
        deposits.judged(ReadYourWrites.Verdict.STALE);
        payment.record(ReadYourWrites.Verdict.FRESH, null, 3 * MS, 2 * MS, 5 * MS, null);
        payments.judged(ReadYourWrites.Verdict.FRESH);
        Map<String, Object> figures = ReadYourWrites.figures(1, 7, 0.5, List.of(deposits, payments));
        figures.put("background", "none (--concurrency 0)");
        figures.put("projectionLagMs", Map.of("p50", 400.0, "p99", 800.0, "max", 900.0, "transfers", 1L));
        figures.put("appCpuCoresUsed", 0.3);

        String markdown = new Report("read-your-writes", Instant.parse("2026-12-01T10:00:00Z"), Map.of("machine", "x"),
                figures, null, new Audit.Result(true, List.of(), 1, 0, 0, 0, Map.of())).markdown();

        assertThat((List<?>) figures.get("writes")).hasSize(1);
        assertThat(markdown)
                .contains("| deposit | POST /api/v1/deposits | 1 | 1 (100.0%) | 8.0 / 8.0 | 0 |  |")
                .contains("| payment | POST /api/v1/deposits | 1 | 0 (0.0%) |")
                .contains("| deposit | GET /api/v1/wallets/{id} (credited) | 1 of 1 (100.0%) | 0 | 3.0 / 3.0 / 3.0 / 3.0 "
                        + "| 2.0 / 2.0 / 2.0 / 2.0 | 1.0 / 1.0 / 1.0 / 1.0 | 0.0 / 0.0 |")
                .contains("| deposit, GET /api/v1/wallets/{id}: stale, e.g. | available 1.00, expected 2.00 |")
                .contains("| background load | none (--concurrency 0) |")
                .contains("audit | passed");
    }
}
