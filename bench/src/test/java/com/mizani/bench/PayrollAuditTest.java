package com.mizani.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PayrollAuditTest {

    /** A job of 100 items paid as it should be: COMPLETED, every item once, payees and source as the items imply. */
    private static PayrollAudit.Observed paidOnce() {
        return new PayrollAudit.Observed(100, "COMPLETED", 100, 100, 0, Map.of("COMPLETED", 100L), 0, 0, 100,
                List.of(), 0, 9_000, 9_000);
    }

    @Test
    void aJobThatPaidEveryItemOnceHasNoViolation() {
        assertThat(PayrollAudit.violations(paidOnce())).isEmpty();
    }

    @Test
    void aJobCompletedWithFailuresIsAViolationSinceNoItemWasMadeToFail() {
        PayrollAudit.Observed failures = new PayrollAudit.Observed(100, "COMPLETED_WITH_FAILURES", 100, 99, 1,
                Map.of("COMPLETED", 99L, "FAILED", 1L), 0, 1, 99, List.of(), 0, 9_000, 9_000);

        assertThat(PayrollAudit.violations(failures)).anySatisfy(v -> assertThat(v).contains(
                "ended COMPLETED_WITH_FAILURES, not COMPLETED")).anySatisfy(v -> assertThat(v).contains(
                "99 of 100 items are COMPLETED")).anySatisfy(v -> assertThat(v).contains(
                "1 items are not one COMPLETED transfer")).anySatisfy(v -> assertThat(v).contains(
                "the source paid 99 transfers, but the job has 100 items"));
    }

    @Test
    void countsThatDoNotAddUpAreAViolation() {
        PayrollAudit.Observed counts = new PayrollAudit.Observed(100, "COMPLETED", 100, 98, 0,
                Map.of("COMPLETED", 100L), 0, 0, 100, List.of(), 0, 9_000, 9_000);

        assertThat(PayrollAudit.violations(counts)).containsExactly(
                "the job's succeeded (98) and failed (0) items do not add up to its 100 items");
    }

    @Test
    void anItemPaidTwiceOrUnderAnotherIdIsAViolation() {
        PayrollAudit.Observed twice = new PayrollAudit.Observed(100, "COMPLETED", 100, 100, 0,
                Map.of("COMPLETED", 100L), 1, 1, 101, List.of(), 0, 9_000, 9_000);

        assertThat(PayrollAudit.violations(twice)).containsExactly(
                "1 items name another transfer than the one derived from the job and their index",
                "1 items are not one COMPLETED transfer of their amount from the source to their wallet, posted "
                        + "exactly once",
                "the source paid 101 transfers, but the job has 100 items");
    }

    @Test
    void balancesThatDoNotMatchTheItemsAreAViolation() {
        PayrollAudit.Observed balances = new PayrollAudit.Observed(100, "COMPLETED", 100, 100, 0,
                Map.of("COMPLETED", 100L), 0, 0, 100, List.of("w1: holds 5, expected 7"), 250, 8_750, 9_000);

        assertThat(PayrollAudit.violations(balances)).containsExactly(
                "1 payees do not hold their funding plus their items, e.g. [w1: holds 5, expected 7]",
                "the source has 8750 minor units available, but its funding less the paid items is 9000",
                "the source still holds back 250 minor units after the job");
    }

    @Test
    void aJobNotFoundOrOfOtherItemsIsAViolation() {
        PayrollAudit.Observed missing = new PayrollAudit.Observed(100, null, 0, 0, 0, Map.of(), 0, 0, 0,
                List.of(), 0, 9_000, 9_000);

        assertThat(PayrollAudit.violations(missing)).contains("the job ended null, not COMPLETED (no item was made to fail)",
                "the job holds 0 items, but the harness sent 100");
    }

    @Test
    void theFiguresNameWhatWasChecked() {
        assertThat(PayrollAudit.figures(paidOnce())).containsEntry("jobStatus", "COMPLETED")
                .containsEntry("itemsNotPaidExactlyOnce", 0L).containsEntry("sourceHeldMinor", 0L)
                .containsEntry("payeesDiffering", 0);
    }

    /** A job of 100 M-Pesa items, 2 of which the provider failed: each paid once or not at all. */
    private static PayrollPayoutAudit.Observed payoutsPaidOnceOrNot() {
        return new PayrollPayoutAudit.Observed(100, "COMPLETED_WITH_FAILURES", 100, 98, 2,
                Map.of("COMPLETED", 98L, "FAILED", 2L), Map.of("2001", 2L), 0, 0, 0, 100, 0, 0, 9_000, 9_000);
    }

    @Test
    void aPayoutJobWhoseItemsWerePaidOnceOrNotAtAllHasNoViolation() {
        assertThat(PayrollPayoutAudit.violations(payoutsPaidOnceOrNot())).isEmpty();
        assertThat(PayrollPayoutAudit.violations(new PayrollPayoutAudit.Observed(100, "COMPLETED", 100, 100, 0,
                Map.of("COMPLETED", 100L), Map.of(), 0, 0, 0, 100, 0, 0, 9_000, 9_000))).isEmpty();
    }

    @Test
    void aPayoutJobWhoseStatusDoesNotMatchItsFailuresIsAViolation() {
        PayrollPayoutAudit.Observed completed = new PayrollPayoutAudit.Observed(100, "COMPLETED", 100, 98, 2,
                Map.of("COMPLETED", 98L, "FAILED", 2L), Map.of("2001", 2L), 0, 0, 0, 100, 0, 0, 9_000, 9_000);
        PayrollPayoutAudit.Observed running = new PayrollPayoutAudit.Observed(100, "RUNNING", 100, 97, 2,
                Map.of("COMPLETED", 97L, "FAILED", 2L, "PROCESSING", 1L), Map.of("2001", 2L), 0, 0, 0, 100, 0, 0,
                9_000, 9_000);

        assertThat(PayrollPayoutAudit.violations(completed)).containsExactly(
                "the job ended COMPLETED, but with 2 failed items it must be COMPLETED_WITH_FAILURES");
        assertThat(PayrollPayoutAudit.violations(running)).contains(
                "the job ended RUNNING, but with 2 failed items it must be COMPLETED_WITH_FAILURES",
                "the job's succeeded (97) and failed (2) items do not add up to its 100 items");
    }

    @Test
    void anItemPaidAndFailedOrPaidTwiceIsAViolation() {
        PayrollPayoutAudit.Observed wrong = new PayrollPayoutAudit.Observed(100, "COMPLETED_WITH_FAILURES", 100, 98,
                2, Map.of("COMPLETED", 98L, "FAILED", 2L), Map.of("2001", 2L), 1, 1, 1, 101, 1, 0, 9_000, 9_000);

        assertThat(PayrollPayoutAudit.violations(wrong)).containsExactly(
                "1 items name another payment than the one derived from the job and their index",
                "1 COMPLETED items are not one settled payout of their amount and fee from the source, with their "
                        + "receipt, that the provider paid",
                "1 FAILED items are not a failed payout the provider did not pay, with PAYOUT_FAILED and the "
                        + "provider's result code",
                "the source made 101 payouts, but the job has 100 items",
                "the source paid 1 transfers, but the job has only M-Pesa items");
    }

    @Test
    void aSourceThatDoesNotMatchThePaidItemsAndFeesIsAViolation() {
        PayrollPayoutAudit.Observed source = new PayrollPayoutAudit.Observed(100, "COMPLETED_WITH_FAILURES", 100, 98,
                2, Map.of("COMPLETED", 98L, "FAILED", 2L), Map.of("2001", 2L), 0, 0, 0, 100, 0, 150, 8_850, 9_000);

        assertThat(PayrollPayoutAudit.violations(source)).containsExactly(
                "the source has 8850 minor units available, but its funding less the paid items and their fees is "
                        + "9000",
                "the source still holds back 150 minor units after the job");
        assertThat(PayrollPayoutAudit.figures(source)).containsEntry("failuresByResultCode", Map.of("2001", 2L))
                .containsEntry("sourceHeldMinor", 150L);
    }
}
