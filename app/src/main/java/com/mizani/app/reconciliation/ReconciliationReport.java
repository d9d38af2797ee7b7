package com.mizani.app.reconciliation;

import java.time.Instant;
import java.util.List;

/**
 * One comparison of our M-Pesa settlement account with the provider's statement.
 *
 * @param ourNetPaidMinor      our settlement account: paid out minus received, KES cents
 * @param providerNetPaidMinor the provider's statement: paid out minus received, KES cents
 * @param differenceMinor      provider minus ours; zero when they agree
 * @param openPayments         payments still waiting for the provider's outcome, which may explain a difference
 * @param paymentsInReview     payments waiting for an operator, which may explain a difference
 * @param openIncidents        incidents waiting for a decision, which may explain a difference
 * @param outcome              MATCHED; PENDING, a difference that open or reviewed payments or open incidents
 *                             account for (every payout behind it is one of them, when they could be listed); MISMATCH,
 *                             a difference nothing accounts for; or UNAVAILABLE (the statement could not be read)
 * @param differences          when the totals differ, the payouts behind it (see {@link PaymentDifference}): the
 *                             first {@value PaymentDifferences#LISTED}, unexplained ones first; empty otherwise
 * @param differenceCount      how many payouts differ in all
 */
public record ReconciliationReport(Instant at, long ourNetPaidMinor, long providerNetPaidMinor, long differenceMinor,
                                   long openPayments, long paymentsInReview, long openIncidents, Outcome outcome,
                                   String detail,
                                   List<PaymentDifference> differences, long differenceCount) {

    public ReconciliationReport {
        differences = List.copyOf(differences);
    }

    public enum Outcome {
        MATCHED, PENDING, MISMATCH, UNAVAILABLE
    }
}
