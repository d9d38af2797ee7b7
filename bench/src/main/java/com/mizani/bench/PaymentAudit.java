package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.providersim.LedgerTotals;

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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The payments part of the audit, run once the payouts have drained and the read model has caught up.
 * Payouts: every one the app acknowledged is in the read model with the outcome its answer implies and none is still
 * open; a SETTLED one was PAID by the provider, with the same amount, and captured once (amount and fee); one the
 * provider PAID is SETTLED here or waits for an operator, never FAILED; the provider paid nothing else; reconciliation
 * agrees. When the provider contradicted itself (a reversal, a payment after a failure), every contradiction is an
 * incident resolved by a second principal, and only such an incident excuses a final status the provider's record
 * disagrees with; for every payout the provider's record equals the settlement account's postings with its id. C2B: every distinct TransID was recorded and credited once, to the wallet and amount it named, however often
 * it was sent. The provider's settlement account holds exactly what all this implies.
 */
final class PaymentAudit {

    private static final String SETTLEMENT = "provider:mpesa:settlement:KES";
    private static final int EXAMPLES = 5;

    private final Connection db;
    private final Client client;
    private final List<String> violations;
    private final Map<String, Object> findings = new LinkedHashMap<>();

    private PaymentAudit(Connection db, Client client, List<String> violations) {
        this.db = db;
        this.client = client;
        this.violations = violations;
    }

    /**
     * Adds what is wrong to {@code violations} and returns what it observed, for the report.
     *
     * @param reconcile run the app's reconciliation; not when the harness credited C2B confirmations the provider
     *                  never received, which it would rightly report as a mismatch
     */
    static Map<String, Object> run(Connection db, Client client, Provider provider, Ledger ledger, boolean reconcile,
                                   List<String> violations) throws Exception {
        PaymentAudit audit = new PaymentAudit(db, client, violations);
        audit.load(provider, ledger);
        audit.payouts(provider.totals());
        audit.incidents();
        audit.disagreements();
        audit.confirmations(ledger);
        audit.settlementAccount(ledger);
        if (reconcile) {
            audit.reconciliation();
        }
        return audit.findings;
    }

    /** The harness's and the provider's accounts as temporary tables, to be joined with the app's. */
    private void load(Provider provider, Ledger ledger) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE acknowledged_payout (payment_id UUID PRIMARY KEY, http_status INT)");
            statement.execute("""
                    CREATE TEMPORARY TABLE provider_payout (payment_id UUID PRIMARY KEY, status TEXT,
                                                            times_requested INT, amount_minor BIGINT)""");
            statement.execute("""
                    CREATE TEMPORARY TABLE sent_confirmation (trans_id TEXT PRIMARY KEY, wallet_id UUID,
                                                              amount_minor BIGINT)""");
        }
        Set<String> payoutIds = new LinkedHashSet<>();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO acknowledged_payout VALUES (?::uuid, ?) ON CONFLICT DO NOTHING")) {
            for (Ledger.AcknowledgedPayout payout : ledger.payouts().values()) {
                if (payout.paymentId() != null) {
                    payoutIds.add(payout.paymentId());
                    insert.setString(1, payout.paymentId());
                    insert.setInt(2, payout.status());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        // Payouts whose answer never came are asked about too: the provider may have paid them all the same.
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT payment_id FROM payment_view WHERE kind = 'WITHDRAWAL'")) {
            while (rows.next()) {
                payoutIds.add(rows.getString(1));
            }
        }
        Map<String, Provider.Payout> atProvider = lookUp(provider, payoutIds);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO provider_payout VALUES (?::uuid, ?, ?, ?)")) {
            for (Map.Entry<String, Provider.Payout> payout : atProvider.entrySet()) {
                insert.setString(1, payout.getKey());
                insert.setString(2, payout.getValue().status());
                insert.setInt(3, payout.getValue().timesRequested());
                insert.setLong(4, payout.getValue().amountMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO sent_confirmation VALUES (?, ?::uuid, ?)")) {
            for (Map.Entry<String, Ledger.Confirmation> sent : ledger.confirmations().entrySet()) {
                insert.setString(1, sent.getKey());
                insert.setString(2, sent.getValue().walletId());
                insert.setLong(3, sent.getValue().amountMinor());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static Map<String, Provider.Payout> lookUp(Provider provider, Set<String> paymentIds) throws Exception {
        Map<String, Provider.Payout> found = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(32);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> lookups = new ArrayList<>();
            for (String paymentId : paymentIds) {
                lookups.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        provider.payout(paymentId).ifPresent(payout -> found.put(paymentId, payout));
                    } finally {
                        inFlight.release();
                    }
                    return null;
                }));
            }
            for (Future<?> lookup : lookups) {
                lookup.get();
            }
        }
        return found;
    }

    private void payouts(LedgerTotals provider) throws Exception {
        findings.put("payoutOutcomes", Drain.payoutsByStatus(db));
        wrong("acknowledged payouts are missing from the read model", """
                SELECT a.payment_id FROM acknowledged_payout a LEFT JOIN payment_view p ON p.payment_id = a.payment_id
                WHERE p.payment_id IS NULL""");
        wrong("payouts answered 422 are not REJECTED", """
                SELECT a.payment_id FROM acknowledged_payout a JOIN payment_view p ON p.payment_id = a.payment_id
                WHERE a.http_status = 422 AND p.status <> 'REJECTED'""");
        wrong("payouts answered 202 ended REJECTED", """
                SELECT a.payment_id FROM acknowledged_payout a JOIN payment_view p ON p.payment_id = a.payment_id
                WHERE a.http_status = 202 AND p.status = 'REJECTED'""");
        wrong("payouts are still open after the drain",
                "SELECT payment_id FROM payment_view WHERE kind = 'WITHDRAWAL' AND status IN " + Drain.OPEN_SQL);
        // A provider that changes its mind is answered by an incident, never by changing a final status: a SETTLED
        // payout it reversed, or a FAILED one it paid after all, is right only once a RESOLVED incident corrected it.
        wrong("SETTLED payouts were not PAID by the provider (and are not reversals corrected by a resolved incident)",
                """
                SELECT p.payment_id FROM payment_view p LEFT JOIN provider_payout pp ON pp.payment_id = p.payment_id
                WHERE p.kind = 'WITHDRAWAL' AND p.status = 'SETTLED' AND pp.status IS DISTINCT FROM 'PAID'
                  AND NOT (pp.status = 'REVERSED' AND EXISTS (
                      SELECT 1 FROM incident_view i WHERE i.payment_id = p.payment_id AND i.status = 'RESOLVED'
                        AND i.kind = 'NOT_PAID_AFTER_SETTLED'))""");
        wrong("payouts the provider PAID are FAILED or REJECTED here (paid out, and the money back in the wallet), "
                + "with no resolved incident correcting it", """
                SELECT p.payment_id FROM payment_view p JOIN provider_payout pp ON pp.payment_id = p.payment_id
                WHERE pp.status = 'PAID' AND (p.status = 'REJECTED' OR p.status = 'FAILED' AND NOT EXISTS (
                      SELECT 1 FROM incident_view i WHERE i.payment_id = p.payment_id AND i.status = 'RESOLVED'
                        AND i.kind = 'PAID_AFTER_FAILED'))""");
        wrong("REJECTED payouts reached the provider", """
                SELECT p.payment_id FROM payment_view p JOIN provider_payout pp ON pp.payment_id = p.payment_id
                WHERE p.status = 'REJECTED'""");
        wrong("payouts the provider recorded with another amount", """
                SELECT p.payment_id FROM payment_view p JOIN provider_payout pp ON pp.payment_id = p.payment_id
                WHERE pp.amount_minor <> p.amount_minor""");
        wrong("payouts whose postings do not match their outcome (SETTLED: one capture of the amount and one of the "
                + "fee, any other outcome: none)", """
                SELECT p.payment_id FROM payment_view p
                LEFT JOIN (SELECT transaction_id,
                                  COUNT(*) FILTER (WHERE kind = 'WITHDRAWAL') AS payouts,
                                  COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'WITHDRAWAL'), 0) AS paid,
                                  COUNT(*) FILTER (WHERE kind = 'FEE') AS fees,
                                  COALESCE(SUM(amount_minor) FILTER (WHERE kind = 'FEE'), 0) AS fee
                           FROM ledger_entry WHERE is_wallet AND kind IN ('WITHDRAWAL', 'FEE')
                           GROUP BY transaction_id) e ON e.transaction_id = p.payment_id
                WHERE p.kind = 'WITHDRAWAL' AND NOT CASE WHEN p.status = 'SETTLED'
                    THEN COALESCE(e.payouts, 0) = 1 AND e.paid = p.amount_minor
                         AND e.fees = SIGN(p.fee_minor) AND e.fee = p.fee_minor
                    ELSE e.transaction_id IS NULL END""");

        // The provider cannot record one OriginatorConversationID twice, so a payout paid twice, or one we never
        // asked for, shows as more PAID money at the provider than on our payouts' records.
        long[] ours = pair("SELECT COUNT(*), COALESCE(SUM(amount_minor), 0) FROM provider_payout WHERE status = 'PAID'");
        if (provider.paidCount() != ours[0] || provider.paidTotalMinor() != ours[1]) {
            violations.add("the provider paid %d payouts (%d cents), but only %d of ours (%d cents)"
                    .formatted(provider.paidCount(), provider.paidTotalMinor(), ours[0], ours[1]));
        }
        findings.put("payoutFailures", failureCodes());
        findings.put("providerPaid", provider.paidCount());
        findings.put("providerPaidMinor", provider.paidTotalMinor());
        // A payout request can reach the provider twice when the app is killed between sending it and recording
        // that it did (docs/payments.md); the provider deduplicates on the OriginatorConversationID, so this is a
        // finding to watch, and paying twice (above: more PAID at the provider than on our payouts) the violation.
        findings.put("payoutsRequestedMoreThanOnce",
                Audit.single(db, "SELECT COUNT(*) FROM provider_payout WHERE times_requested > 1"));
        findings.put("paidTwice", Math.max(0, provider.paidCount() - ours[0]));
        findings.put("manualReviewPaidByProvider", Audit.single(db, """
                SELECT COUNT(*) FROM payment_view p JOIN provider_payout pp ON pp.payment_id = p.payment_id
                WHERE p.status = 'MANUAL_REVIEW' AND pp.status = 'PAID'"""));
    }

    /**
     * Every contradiction became an incident, and every incident was decided by a person: the
     * {@code PaymentContradictedEvent}s in the event store are the contradictions the incident view counts; every
     * incident has a correction pending or approved; every one is RESOLVED, approved by a principal other than the
     * proposer. (The harness's operators have decided them all by now, see {@link Operators}.)
     */
    private void incidents() throws Exception {
        long contradictions = Audit.single(db, Operators.CONTRADICTIONS_SQL);
        long counted = Audit.single(db, "SELECT COALESCE(SUM(contradiction_count), 0) FROM incident_view");
        if (contradictions != counted) {
            violations.add("%d contradictions are in the event store, but the incidents count %d"
                    .formatted(contradictions, counted));
        }
        wrong("incidents have no correction, pending or approved",
                "SELECT payment_id FROM incident_view WHERE proposal_id IS NULL AND resolved_proposal_id IS NULL");
        wrong("incidents are not RESOLVED", "SELECT payment_id FROM incident_view WHERE status <> 'RESOLVED'");
        wrong("incidents were resolved without an attributed decision by a second principal", """
                SELECT payment_id FROM incident_view WHERE status = 'RESOLVED'
                AND (approved_by IS NULL OR resolved_proposed_by IS NULL OR approved_by = resolved_proposed_by)""");
        findings.put("contradictions", contradictions);
        findings.put("incidentsByKind", grouped("SELECT kind, COUNT(*) FROM incident_view GROUP BY kind"));
        findings.put("incidentsByKindAndAction", grouped("""
                SELECT kind || ' -> ' || COALESCE(resolved_action, 'unresolved'), COUNT(*) FROM incident_view
                GROUP BY 1"""));
        findings.put("incidentsByStatus", grouped("SELECT status, COUNT(*) FROM incident_view GROUP BY status"));
        findings.put("incidentsProposedBy", grouped("""
                SELECT COALESCE(resolved_proposed_by, proposed_by, '-'), COUNT(*) FROM incident_view GROUP BY 1"""));
        findings.put("reversedAtProvider",
                Audit.single(db, "SELECT COUNT(*) FROM provider_payout WHERE status = 'REVERSED'"));
    }

    /**
     * No silent disagreement: for every payout, what the provider's record says it paid (its amount if PAID, nothing
     * if FAILED or REVERSED) equals what our books moved for it, the settlement account's postings with its id
     * (the capture, and any correction), unless an OPEN incident names it.
     */
    private void disagreements() throws Exception {
        String disagreeing = """
                SELECT pp.payment_id FROM provider_payout pp
                LEFT JOIN (SELECT transaction_id,
                                  SUM(CASE WHEN direction = 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS moved
                           FROM ledger_entry WHERE account = '%s' GROUP BY transaction_id) e
                       ON e.transaction_id = pp.payment_id
                WHERE CASE WHEN pp.status = 'PAID' THEN pp.amount_minor ELSE 0 END <> COALESCE(e.moved, 0)
                  AND NOT EXISTS (SELECT 1 FROM incident_view i WHERE i.payment_id = pp.payment_id AND i.status = 'OPEN')
                """.formatted(SETTLEMENT);
        wrong("payouts where the provider's record and our settlement postings disagree, with no open incident "
                + "(silent disagreements)", disagreeing);
        findings.put("silentDisagreements", Audit.single(db, "SELECT COUNT(*) FROM (" + disagreeing + ") d"));
    }

    private Map<String, Long> grouped(String sql) throws Exception {
        Map<String, Long> groups = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                groups.put(rows.getString(1), rows.getLong(2));
            }
        }
        return groups;
    }

    /** Why payouts FAILED, by failure code: the provider's result code, or what the status query found. */
    private Map<String, Long> failureCodes() throws Exception {
        Map<String, Long> codes = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                SELECT COALESCE(failure_code, '-') || ': ' || COALESCE(failure_reason, '-'), COUNT(*) FROM payment_view
                WHERE kind = 'WITHDRAWAL' AND status = 'FAILED' GROUP BY 1""")) {
            while (rows.next()) {
                codes.put(rows.getString(1), rows.getLong(2));
            }
        }
        return codes;
    }

    private void confirmations(Ledger ledger) throws Exception {
        long recorded = Audit.single(db, "SELECT COUNT(*) FROM payment_view WHERE method = 'MPESA_C2B'");
        if (recorded != ledger.confirmations().size()) {
            violations.add("%d C2B payments recorded, but %d distinct TransIDs were sent"
                    .formatted(recorded, ledger.confirmations().size()));
        }
        // Joined on the receipt, which for C2B is the TransID: the view leaves provider_reference empty for C2B.
        wrong("C2B confirmations are not SETTLED into the wallet and amount they named", """
                SELECT COALESCE(p.payment_id::text, c.trans_id) FROM sent_confirmation c
                LEFT JOIN payment_view p ON p.method = 'MPESA_C2B' AND p.receipt = c.trans_id
                WHERE p.payment_id IS NULL OR p.status <> 'SETTLED' OR p.wallet_id <> c.wallet_id
                   OR p.amount_minor <> c.amount_minor""");
        wrong("C2B payments are not credited exactly once", """
                SELECT p.payment_id FROM payment_view p
                LEFT JOIN (SELECT transaction_id, COUNT(*) AS credits, SUM(amount_minor) AS credited
                           FROM ledger_entry WHERE is_wallet AND kind = 'DEPOSIT' AND direction = 'CREDIT'
                           GROUP BY transaction_id) e ON e.transaction_id = p.payment_id
                WHERE p.method = 'MPESA_C2B' AND NOT (COALESCE(e.credits, 0) = 1 AND e.credited = p.amount_minor)""");
        findings.put("c2bTransIds", ledger.confirmations().size());
        findings.put("c2bRecorded", recorded);
    }

    /**
     * Credited when a payout settles, debited when a C2B deposit is credited, and moved by approved incident
     * corrections (credited by a debit of the wallet or a receivable, debited by a credit back to the wallet): so all
     * of them, netted, the corrections as the incident view records the decisions.
     */
    private void settlementAccount(Ledger ledger) throws Exception {
        long balance = Audit.single(db, """
                SELECT COALESCE(SUM(CASE WHEN direction = 'CREDIT' THEN amount_minor ELSE -amount_minor END), 0)
                FROM ledger_entry WHERE account = '%s'""".formatted(SETTLEMENT));
        long settledPayouts = Audit.single(db,
                "SELECT COALESCE(SUM(amount_minor), 0) FROM payment_view WHERE kind = 'WITHDRAWAL' AND status = 'SETTLED'");
        long corrections = Audit.single(db, """
                SELECT COALESCE(SUM(CASE WHEN resolved_action IN ('DEBIT_WALLET', 'BOOK_RECEIVABLE') THEN resolved_amount_minor
                                         WHEN resolved_action = 'CREDIT_WALLET' THEN -resolved_amount_minor ELSE 0 END), 0)
                FROM incident_view WHERE status = 'RESOLVED'""");
        long expected = settledPayouts - ledger.confirmedMinor() + corrections;
        if (balance != expected) {
            violations.add(("%s stands at %d cents, but settled payouts (%d) minus distinct C2B deposits (%d) plus "
                    + "approved corrections (%d) make %d")
                    .formatted(SETTLEMENT, balance, settledPayouts, ledger.confirmedMinor(), corrections, expected));
        }
        findings.put("correctionsToSettlementMinor", corrections);
        findings.put("settlementAccountMinor", balance);
    }

    /**
     * MATCHED, or PENDING by exactly the payouts the provider paid that wait for an operator (their money left the
     * provider but is still held on our side), with nothing else open.
     */
    private void reconciliation() throws Exception {
        JsonNode report = client.post("/api/v1/ops/reconciliation/run", "{}", null).json();
        long inReview = Audit.single(db, """
                SELECT COALESCE(SUM(pp.amount_minor), 0) FROM payment_view p
                JOIN provider_payout pp ON pp.payment_id = p.payment_id
                WHERE p.status = 'MANUAL_REVIEW' AND pp.status = 'PAID'""");
        String outcome = report.path("outcome").asText();
        long difference = report.path("differenceMinor").asLong();
        boolean explained = difference == inReview && report.path("openPayments").asLong() == 0
                && (inReview == 0 ? outcome.equals("MATCHED") : outcome.equals("PENDING"));
        if (!explained) {
            violations.add("reconciliation is %s with a difference of %d cents (%d open, %d in review), where payouts in "
                    .formatted(outcome, difference, report.path("openPayments").asLong(),
                            report.path("paymentsInReview").asLong()) + "review explain " + inReview);
        }
        Map<String, Object> reconciliation = new LinkedHashMap<>();
        reconciliation.put("outcome", outcome);
        reconciliation.put("differenceMinor", difference);
        reconciliation.put("ourNetPaidMinor", report.path("ourNetPaidMinor").asLong());
        reconciliation.put("providerNetPaidMinor", report.path("providerNetPaidMinor").asLong());
        reconciliation.put("paymentsInReview", report.path("paymentsInReview").asLong());
        reconciliation.put("differenceCount", report.path("differenceCount").asLong());
        List<String> differences = new ArrayList<>();
        for (JsonNode named : report.path("differences")) {
            if (differences.size() == 10) {
                break;
            }
            differences.add("%s %s ours %d provider %d incident %s".formatted(named.path("paymentId").asText(),
                    named.path("ourStatus").asText(), named.path("ourAmountMinor").asLong(),
                    named.path("providerAmountMinor").asLong(), named.path("openIncidentId").asText("-")));
        }
        reconciliation.put("differences", differences);
        findings.put("reconciliation", reconciliation);
    }

    /** Runs a query for the ids of wrong payments; any is a violation, named with the first few and their timelines. */
    private void wrong(String what, String idsSql) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(idsSql)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        List<String> examples = new ArrayList<>();
        for (String id : ids.subList(0, Math.min(EXAMPLES, ids.size()))) {
            examples.add(describe(id));
        }
        violations.add(ids.size() + " " + what + ", e.g. " + String.join("; ", examples));
    }

    /** A payment as {@code GET /api/v1/payments/{id}} shows it: status, then each step of its timeline. */
    private String describe(String id) {
        if (!id.matches("\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}")) {
            return id + " (no payment recorded)";
        }
        try {
            Client.Answer answer = client.get("/api/v1/payments/" + id);
            if (answer.status() != 200) {
                return id + " (HTTP " + answer.status() + ")";
            }
            JsonNode payment = answer.json();
            List<String> steps = new ArrayList<>();
            for (JsonNode step : payment.path("timeline")) {
                steps.add(step.path("at").asText() + " " + step.path("event").asText()
                        + (step.path("status").isNull() ? "" : "→" + step.path("status").asText())
                        + ": " + step.path("detail").asText());
            }
            return id + " " + payment.path("status").asText() + " [" + String.join(" | ", steps) + "]";
        } catch (Exception unreadable) {
            return id + " (" + unreadable + ")";
        }
    }

    private long[] pair(String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return new long[]{rows.getLong(1), rows.getLong(2)};
        }
    }
}
