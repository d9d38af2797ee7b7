package com.mizani.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The payroll scenario's checks, after the shared {@link Audit}, against the job the harness sent ({@link PayrollPlan}):
 * <ul>
 *   <li>the job is COMPLETED (the harness makes no item fail on purpose, so COMPLETED_WITH_FAILURES is a violation
 *       too), holds the items sent, and its succeeded and failed items add up to them;</li>
 *   <li>every item is COMPLETED, with the transfer id the app derives from the job and the item's index, and that
 *       transfer is COMPLETED from the source to the item's wallet for the item's amount, with exactly two wallet
 *       postings: one debit of the source and one credit of the payee, each of that amount;</li>
 *   <li>the source made no other transfer than the items' (it carries no other traffic);</li>
 *   <li>each payee holds its funding plus the sum of its items;</li>
 *   <li>the source holds its funding less what the completed items paid, and holds back nothing: the job's
 *       reservation was fully accounted for.</li>
 * </ul>
 */
final class PayrollAudit {

    static final String COMPLETED = "COMPLETED";
    private static final int EXAMPLES = 5;

    record Result(List<String> violations, Map<String, Object> figures) {
    }

    /**
     * What the audit found, for {@link #violations} to judge.
     *
     * @param plannedItems           items the harness sent
     * @param jobStatus              the job's status in payroll_job_view (null if it has no row)
     * @param totalItems             its totalItems
     * @param succeededItems         its succeededItems
     * @param failedItems            its failedItems
     * @param itemsByStatus          payroll_item_view's items of the job by status
     * @param itemsWithOtherTransfer items whose transfer id is not the one derived from the job and their index
     * @param itemsNotPaidOnce       items whose transfer is not COMPLETED as the item says, with exactly its postings
     * @param transfersFromSource    transfers in transfer_view paid by the source
     * @param payeesDiffering        payees not holding their funding plus their items, as examples
     * @param sourceHeldMinor        what the source holds back
     * @param sourceAvailableMinor   what the source has available
     * @param sourceExpectedMinor    its funding less the completed items
     */
    record Observed(long plannedItems, String jobStatus, long totalItems, long succeededItems, long failedItems,
                    Map<String, Long> itemsByStatus, long itemsWithOtherTransfer, long itemsNotPaidOnce,
                    long transfersFromSource, List<String> payeesDiffering, long sourceHeldMinor,
                    long sourceAvailableMinor, long sourceExpectedMinor) {
    }

    private static final String ITEMS_NOT_PAID_ONCE = """
            SELECT COUNT(*) FROM payroll_item_view i
            LEFT JOIN transfer_view t ON t.transfer_id = i.transfer_id
            LEFT JOIN (SELECT transaction_id, COUNT(*) AS postings,
                              COUNT(*) FILTER (WHERE kind = 'TRANSFER_OUT' AND direction = 'DEBIT') AS outs,
                              MAX(account) FILTER (WHERE kind = 'TRANSFER_OUT') AS out_account,
                              SUM(amount_minor) FILTER (WHERE kind = 'TRANSFER_OUT') AS out_minor,
                              COUNT(*) FILTER (WHERE kind = 'TRANSFER_IN' AND direction = 'CREDIT') AS ins,
                              MAX(account) FILTER (WHERE kind = 'TRANSFER_IN') AS in_account,
                              SUM(amount_minor) FILTER (WHERE kind = 'TRANSFER_IN') AS in_minor
                       FROM ledger_entry
                       WHERE is_wallet AND transaction_id IN (SELECT transfer_id FROM payroll_item_view WHERE job_id = ?::uuid)
                       GROUP BY transaction_id) p ON p.transaction_id = i.transfer_id
            WHERE i.job_id = ?::uuid AND NOT COALESCE(
                  t.status = 'COMPLETED' AND t.source_wallet_id = ?::uuid AND t.destination_wallet_id = i.wallet_id
                  AND t.amount_minor = i.amount_minor
                  AND p.postings = 2 AND p.outs = 1 AND p.ins = 1
                  AND p.out_account = ? AND p.out_minor = i.amount_minor
                  AND p.in_account = i.wallet_id::text AND p.in_minor = i.amount_minor, false)""";

    private PayrollAudit() {
    }

    /**
     * @param sourceFundingMinor what the harness deposited into the source
     * @param payeeFundingMinor  what it deposited into each payee
     */
    static Result run(Postgres postgres, String jobId, PayrollPlan plan, long sourceFundingMinor,
                      long payeeFundingMinor) throws Exception {
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
            long otherTransfer = 0;
            long completedMinor = 0;
            try (PreparedStatement items = db.prepareStatement("""
                    SELECT item_index, status, transfer_id::text, amount_minor FROM payroll_item_view
                    WHERE job_id = ?::uuid""")) {
                items.setString(1, jobId);
                try (ResultSet rows = items.executeQuery()) {
                    while (rows.next()) {
                        String itemStatus = rows.getString(2);
                        byStatus.merge(itemStatus, 1L, Long::sum);
                        if (!PayrollPlan.transferIdOf(jobId, rows.getInt(1)).toString().equals(rows.getString(3))) {
                            otherTransfer++;
                        }
                        if (itemStatus.equals(COMPLETED)) {
                            completedMinor += rows.getLong(4);
                        }
                    }
                }
            }
            long notPaidOnce;
            try (PreparedStatement check = db.prepareStatement(ITEMS_NOT_PAID_ONCE)) {
                check.setString(1, jobId);
                check.setString(2, jobId);
                check.setString(3, source);
                check.setString(4, source);
                notPaidOnce = single(check);
            }
            long fromSource;
            try (PreparedStatement count = db.prepareStatement(
                    "SELECT COUNT(*) FROM transfer_view WHERE source_wallet_id = ?::uuid")) {
                count.setString(1, source);
                fromSource = single(count);
            }
            Map<String, long[]> wallets = new LinkedHashMap<>();
            try (PreparedStatement read = db.prepareStatement(
                    "SELECT wallet_id::text, available_minor, held_minor FROM wallet_view");
                 ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    wallets.put(rows.getString(1), new long[]{rows.getLong(2), rows.getLong(3)});
                }
            }
            List<String> payeesDiffering = new ArrayList<>();
            plan.owedByPayee().forEach((payee, owed) -> {
                long[] balance = wallets.get(payee);
                long expected = payeeFundingMinor + owed;
                if (balance == null || balance[0] + balance[1] != expected) {
                    payeesDiffering.add("%s: holds %s, expected %d".formatted(payee,
                            balance == null ? "no row" : Long.toString(balance[0] + balance[1]), expected));
                }
            });
            long[] sourceBalance = wallets.getOrDefault(source, new long[]{-1, -1});
            Observed observed = new Observed(plan.items().size(), status, total, succeeded, failed, byStatus,
                    otherTransfer, notPaidOnce, fromSource, payeesDiffering, sourceBalance[1], sourceBalance[0],
                    sourceFundingMinor - completedMinor);
            return new Result(violations(observed), figures(observed));
        }
    }

    /** The audit's decision: each broken rule, in words; none when the job paid every item exactly once. */
    static List<String> violations(Observed observed) {
        List<String> violations = new ArrayList<>();
        if (!COMPLETED.equals(observed.jobStatus())) {
            violations.add("the job ended " + observed.jobStatus() + ", not COMPLETED (no item was made to fail)");
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
        if (completed != observed.plannedItems() || observed.itemsByStatus().size() > 1) {
            violations.add("%d of %d items are COMPLETED; items by status %s".formatted(completed,
                    observed.plannedItems(), observed.itemsByStatus()));
        }
        if (observed.itemsWithOtherTransfer() != 0) {
            violations.add(observed.itemsWithOtherTransfer() + " items name another transfer than the one derived "
                    + "from the job and their index");
        }
        if (observed.itemsNotPaidOnce() != 0) {
            violations.add(observed.itemsNotPaidOnce() + " items are not one COMPLETED transfer of their amount from "
                    + "the source to their wallet, posted exactly once");
        }
        if (observed.transfersFromSource() != observed.plannedItems()) {
            violations.add("the source paid %d transfers, but the job has %d items".formatted(
                    observed.transfersFromSource(), observed.plannedItems()));
        }
        if (!observed.payeesDiffering().isEmpty()) {
            violations.add(observed.payeesDiffering().size() + " payees do not hold their funding plus their items, "
                    + "e.g. " + observed.payeesDiffering().subList(0, Math.min(EXAMPLES,
                    observed.payeesDiffering().size())));
        }
        if (observed.sourceAvailableMinor() != observed.sourceExpectedMinor()) {
            violations.add("the source has %d minor units available, but its funding less the paid items is %d"
                    .formatted(observed.sourceAvailableMinor(), observed.sourceExpectedMinor()));
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
        figures.put("itemsWithOtherTransfer", observed.itemsWithOtherTransfer());
        figures.put("itemsNotPaidExactlyOnce", observed.itemsNotPaidOnce());
        figures.put("transfersFromSource", observed.transfersFromSource());
        figures.put("payeesDiffering", observed.payeesDiffering().size());
        figures.put("sourceAvailableMinor", observed.sourceAvailableMinor());
        figures.put("sourceExpectedMinor", observed.sourceExpectedMinor());
        figures.put("sourceHeldMinor", observed.sourceHeldMinor());
        return figures;
    }

    private static long single(PreparedStatement statement) throws Exception {
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
