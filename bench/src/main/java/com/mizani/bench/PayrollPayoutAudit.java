package com.mizani.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The payroll scenario's checks for a job of M-Pesa items ({@link PayrollPlan#toPhones}), after the shared
 * {@link Audit} (whose {@link PaymentAudit} holds every payout against the provider's books):
 * <ul>
 *   <li>the job is final as its items imply: COMPLETED when none failed, else COMPLETED_WITH_FAILURES; it holds the
 *       items sent, its succeeded and failed items add up to them, and every item is COMPLETED or FAILED;</li>
 *   <li>every item names the payment the app derives from the job and the item's index;</li>
 *   <li>a COMPLETED item is paid exactly once: its payment is a SETTLED payout of the source for the item's amount and
 *       the job's fee, with the item's receipt, and the provider PAID it, for that amount;</li>
 *   <li>a FAILED item paid nothing: its payment is FAILED, the provider did not pay it, and the item says
 *       PAYOUT_FAILED with the provider's result code;</li>
 *   <li>the source made no payout but the items' and no transfer at all (it carries no other traffic);</li>
 *   <li>the source holds its funding less the amount and fee of every COMPLETED item, and holds back nothing: the
 *       job's reservation was fully accounted for.</li>
 * </ul>
 */
final class PayrollPayoutAudit {

    static final String COMPLETED = "COMPLETED";
    static final String FAILED = "FAILED";
    static final String WITH_FAILURES = "COMPLETED_WITH_FAILURES";

    /**
     * What the audit found, for {@link #violations} to judge.
     *
     * @param plannedItems          items the harness sent
     * @param jobStatus             the job's status in payroll_job_view (null if it has no row)
     * @param totalItems            its totalItems
     * @param succeededItems        its succeededItems
     * @param failedItems           its failedItems
     * @param itemsByStatus         payroll_item_view's items of the job by status
     * @param failuresByResultCode  the FAILED items by the provider's result code
     * @param itemsWithOtherPayment items whose payment id is not the one derived from the job and their index
     * @param completedNotPaidOnce  COMPLETED items that are not one settled payout the provider paid, as they say
     * @param failedNotUnpaid       FAILED items whose payout is not FAILED, was paid by the provider, or has no code
     * @param payoutsFromSource     payouts in payment_view from the source
     * @param transfersFromSource   transfers in transfer_view paid by the source
     * @param sourceHeldMinor       what the source holds back
     * @param sourceAvailableMinor  what the source has available
     * @param sourceExpectedMinor   its funding less the amount and fee of every COMPLETED item
     */
    record Observed(long plannedItems, String jobStatus, long totalItems, long succeededItems, long failedItems,
                    Map<String, Long> itemsByStatus, Map<String, Long> failuresByResultCode, long itemsWithOtherPayment,
                    long completedNotPaidOnce, long failedNotUnpaid, long payoutsFromSource, long transfersFromSource,
                    long sourceHeldMinor, long sourceAvailableMinor, long sourceExpectedMinor) {
    }

    private static final String COMPLETED_NOT_PAID_ONCE = """
            SELECT COUNT(*) FROM payroll_item_view i
            LEFT JOIN payment_view p ON p.payment_id = i.payment_id
            LEFT JOIN payroll_provider_payout pp ON pp.payment_id = i.payment_id
            WHERE i.job_id = ?::uuid AND i.status = 'COMPLETED' AND NOT COALESCE(
                  p.kind = 'WITHDRAWAL' AND p.status = 'SETTLED' AND p.wallet_id = ?::uuid
                  AND p.amount_minor = i.amount_minor AND p.fee_minor = ? AND p.receipt IS NOT DISTINCT FROM i.provider_receipt
                  AND pp.status = 'PAID' AND pp.amount_minor = i.amount_minor, false)""";

    private static final String FAILED_NOT_UNPAID = """
            SELECT COUNT(*) FROM payroll_item_view i
            LEFT JOIN payment_view p ON p.payment_id = i.payment_id
            LEFT JOIN payroll_provider_payout pp ON pp.payment_id = i.payment_id
            WHERE i.job_id = ?::uuid AND i.status = 'FAILED' AND NOT COALESCE(
                  p.kind = 'WITHDRAWAL' AND p.status = 'FAILED' AND pp.status IS DISTINCT FROM 'PAID'
                  AND i.failure_code = 'PAYOUT_FAILED' AND i.provider_result_code IS NOT NULL, false)""";

    private PayrollPayoutAudit() {
    }

    /**
     * @param sourceFundingMinor what the harness deposited into the source
     * @param feeMinor           the fee of each payout (the app's mizani.payments.withdrawal-fee-minor)
     */
    static PayrollAudit.Result run(Postgres postgres, Provider provider, String jobId, PayrollPlan plan,
                                   long sourceFundingMinor, long feeMinor) throws Exception {
        String source = plan.sourceWalletId();
        try (Connection db = postgres.connect()) {
            String status = null;
            long total = 0;
            long succeeded = 0;
            long failed = 0;
            try (PreparedStatement job = db.prepareStatement("""
                    SELECT status, total_items, succeeded_items, failed_items FROM payroll_job_view
                    WHERE job_id = ?::uuid""")) {
                job.setString(1, jobId);
                try (ResultSet row = job.executeQuery()) {
                    if (row.next()) {
                        status = row.getString(1);
                        total = row.getLong(2);
                        succeeded = row.getLong(3);
                        failed = row.getLong(4);
                    }
                }
            }
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Long> byResultCode = new TreeMap<>();
            Set<String> paymentIds = new LinkedHashSet<>();
            long otherPayment = 0;
            long completedMinor = 0;
            try (PreparedStatement items = db.prepareStatement("""
                    SELECT item_index, status, payment_id::text, amount_minor, provider_result_code
                    FROM payroll_item_view WHERE job_id = ?::uuid""")) {
                items.setString(1, jobId);
                try (ResultSet rows = items.executeQuery()) {
                    while (rows.next()) {
                        String itemStatus = rows.getString(2);
                        String paymentId = rows.getString(3);
                        byStatus.merge(itemStatus, 1L, Long::sum);
                        if (paymentId != null) {
                            paymentIds.add(paymentId);
                        }
                        if (!PayrollPlan.paymentIdOf(jobId, rows.getInt(1)).toString().equals(paymentId)) {
                            otherPayment++;
                        }
                        if (itemStatus.equals(COMPLETED)) {
                            completedMinor += rows.getLong(4) + feeMinor;
                        }
                        if (itemStatus.equals(FAILED)) {
                            byResultCode.merge(String.valueOf(rows.getString(5)), 1L, Long::sum);
                        }
                    }
                }
            }
            loadProviderRecords(db, provider, paymentIds);
            long completedNotPaidOnce;
            try (PreparedStatement check = db.prepareStatement(COMPLETED_NOT_PAID_ONCE)) {
                check.setString(1, jobId);
                check.setString(2, source);
                check.setLong(3, feeMinor);
                completedNotPaidOnce = single(check);
            }
            long failedNotUnpaid;
            try (PreparedStatement check = db.prepareStatement(FAILED_NOT_UNPAID)) {
                check.setString(1, jobId);
                failedNotUnpaid = single(check);
            }
            long payoutsFromSource = count(db, "SELECT COUNT(*) FROM payment_view WHERE kind = 'WITHDRAWAL' "
                    + "AND wallet_id = ?::uuid", source);
            long transfersFromSource = count(db, "SELECT COUNT(*) FROM transfer_view WHERE source_wallet_id = ?::uuid",
                    source);
            long available = -1;
            long held = -1;
            try (PreparedStatement read = db.prepareStatement(
                    "SELECT available_minor, held_minor FROM wallet_view WHERE wallet_id = ?::uuid")) {
                read.setString(1, source);
                try (ResultSet row = read.executeQuery()) {
                    if (row.next()) {
                        available = row.getLong(1);
                        held = row.getLong(2);
                    }
                }
            }
            Observed observed = new Observed(plan.items().size(), status, total, succeeded, failed, byStatus,
                    byResultCode, otherPayment, completedNotPaidOnce, failedNotUnpaid, payoutsFromSource,
                    transfersFromSource, held, available, sourceFundingMinor - completedMinor);
            return new PayrollAudit.Result(violations(observed), figures(observed));
        }
    }

    /** The provider's record of each item's payout, as a temporary table to join with the app's views. */
    private static void loadProviderRecords(Connection db, Provider provider, Set<String> paymentIds) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    CREATE TEMPORARY TABLE payroll_provider_payout (payment_id UUID PRIMARY KEY, status TEXT,
                                                                    amount_minor BIGINT)""");
        }
        Map<String, Provider.Payout> atProvider = PaymentAudit.lookUp(provider, paymentIds);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO payroll_provider_payout VALUES (?::uuid, ?, ?)")) {
            for (Map.Entry<String, Provider.Payout> payout : atProvider.entrySet()) {
                insert.setString(1, payout.getKey());
                insert.setString(2, payout.getValue().status());
                insert.setLong(3, payout.getValue().amountMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The audit's decision: each broken rule, in words; none when every item was paid once or not at all. */
    static List<String> violations(Observed observed) {
        List<String> violations = new ArrayList<>();
        String expectedStatus = observed.failedItems() == 0 ? COMPLETED : WITH_FAILURES;
        if (!expectedStatus.equals(observed.jobStatus())) {
            violations.add("the job ended %s, but with %d failed items it must be %s".formatted(observed.jobStatus(),
                    observed.failedItems(), expectedStatus));
        }
        if (observed.totalItems() != observed.plannedItems()) {
            violations.add("the job holds %d items, but the harness sent %d".formatted(observed.totalItems(),
                    observed.plannedItems()));
        }
        if (observed.succeededItems() + observed.failedItems() != observed.totalItems()) {
            violations.add("the job's succeeded (%d) and failed (%d) items do not add up to its %d items".formatted(
                    observed.succeededItems(), observed.failedItems(), observed.totalItems()));
        }
        long completed = observed.itemsByStatus().getOrDefault(COMPLETED, 0L);
        long failed = observed.itemsByStatus().getOrDefault(FAILED, 0L);
        if (completed + failed != observed.plannedItems() || completed != observed.succeededItems()
                || failed != observed.failedItems()) {
            violations.add("items by status %s do not match the job's %d succeeded and %d failed of %d".formatted(
                    observed.itemsByStatus(), observed.succeededItems(), observed.failedItems(),
                    observed.plannedItems()));
        }
        if (observed.itemsWithOtherPayment() != 0) {
            violations.add(observed.itemsWithOtherPayment() + " items name another payment than the one derived "
                    + "from the job and their index");
        }
        if (observed.completedNotPaidOnce() != 0) {
            violations.add(observed.completedNotPaidOnce() + " COMPLETED items are not one settled payout of their "
                    + "amount and fee from the source, with their receipt, that the provider paid");
        }
        if (observed.failedNotUnpaid() != 0) {
            violations.add(observed.failedNotUnpaid() + " FAILED items are not a failed payout the provider did not "
                    + "pay, with PAYOUT_FAILED and the provider's result code");
        }
        if (observed.payoutsFromSource() != observed.plannedItems()) {
            violations.add("the source made %d payouts, but the job has %d items".formatted(
                    observed.payoutsFromSource(), observed.plannedItems()));
        }
        if (observed.transfersFromSource() != 0) {
            violations.add("the source paid %d transfers, but the job has only M-Pesa items".formatted(
                    observed.transfersFromSource()));
        }
        if (observed.sourceAvailableMinor() != observed.sourceExpectedMinor()) {
            violations.add(("the source has %d minor units available, but its funding less the paid items and their "
                    + "fees is %d").formatted(observed.sourceAvailableMinor(), observed.sourceExpectedMinor()));
        }
        if (observed.sourceHeldMinor() != 0) {
            violations.add("the source still holds back %d minor units after the job".formatted(
                    observed.sourceHeldMinor()));
        }
        return violations;
    }

    static Map<String, Object> figures(Observed observed) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("jobStatus", observed.jobStatus());
        figures.put("totalItems", observed.totalItems());
        figures.put("succeededItems", observed.succeededItems());
        figures.put("failedItems", observed.failedItems());
        figures.put("itemsByStatus", observed.itemsByStatus());
        figures.put("failuresByResultCode", observed.failuresByResultCode());
        figures.put("itemsWithOtherPayment", observed.itemsWithOtherPayment());
        figures.put("completedItemsNotPaidExactlyOnce", observed.completedNotPaidOnce());
        figures.put("failedItemsNotUnpaid", observed.failedNotUnpaid());
        figures.put("payoutsFromSource", observed.payoutsFromSource());
        figures.put("transfersFromSource", observed.transfersFromSource());
        figures.put("sourceAvailableMinor", observed.sourceAvailableMinor());
        figures.put("sourceExpectedMinor", observed.sourceExpectedMinor());
        figures.put("sourceHeldMinor", observed.sourceHeldMinor());
        return figures;
    }

    private static long count(Connection db, String sql, String walletId) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, walletId);
            return single(statement);
        }
    }

    private static long single(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
