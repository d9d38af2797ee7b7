package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The post-run audit: once the read model has caught up, the ledger must balance, the wallets must hold exactly the
 * money that came in minus the money settled payouts took out, and hold back exactly what open payouts reserved; no
 * wallet may be negative or differ from its postings; every acknowledged transfer must be reflected exactly once,
 * with none left in flight. {@link PaymentAudit} then checks payouts and C2B deposits one by one.
 */
final class Audit {

    /** @param payments what the payment audit observed: payout outcomes, the provider's figures, reconciliation */
    record Result(boolean passed, List<String> violations, long acknowledgedTransfers, long acknowledgedPayouts,
                  long c2bTransIds, double catchUpSeconds, Map<String, Object> payments) {

        /** The same result with more violations found elsewhere (a chaos step that failed, say). */
        Result with(List<String> moreViolations) {
            List<String> all = new ArrayList<>(violations);
            all.addAll(moreViolations);
            return new Result(all.isEmpty(), List.copyOf(all), acknowledgedTransfers, acknowledgedPayouts, c2bTransIds,
                    catchUpSeconds, payments);
        }

        /** The audits of the parts of one run as one: it passes if each passed, and each violation names its part. */
        static Result ofParts(Map<String, Result> parts) {
            List<String> violations = new ArrayList<>();
            Map<String, Object> payments = new LinkedHashMap<>();
            long transfers = 0;
            long payouts = 0;
            long transIds = 0;
            double catchUp = 0;
            for (Map.Entry<String, Result> part : parts.entrySet()) {
                Result result = part.getValue();
                result.violations().forEach(violation -> violations.add(part.getKey() + ": " + violation));
                payments.put(part.getKey(), result.payments());
                transfers += result.acknowledgedTransfers();
                payouts += result.acknowledgedPayouts();
                transIds += result.c2bTransIds();
                catchUp = Math.max(catchUp, result.catchUpSeconds());
            }
            return new Result(violations.isEmpty(), List.copyOf(violations), transfers, payouts, transIds, catchUp,
                    payments);
        }
    }

    /** Payouts whose amount and fee are reserved on their wallet. */
    private static final String HOLDING = "('RESERVED', 'SUBMITTED', 'AMBIGUOUS', 'MANUAL_REVIEW')";
    /** Transfers the app accepted (201, 202) that the read model does not hold (yet). */
    /**
     * The hourly rollup the overview reads, against a direct aggregate of the views it is kept from: the two must be
     * equal after any crash, since the views' triggers write it in their own transactions.
     */
    private static final String ROLLUP_DIFFERENCES = """
            WITH rollup AS (
                SELECT hour_start, type, status, currency, SUM(count) AS count, SUM(amount_minor) AS amount
                FROM activity_hourly GROUP BY 1, 2, 3, 4 HAVING SUM(count) <> 0 OR SUM(amount_minor) <> 0),
            views AS (
                SELECT activity_hour(requested_at) AS hour_start, type, status, currency, COUNT(*) AS count,
                       SUM(amount_minor) AS amount
                FROM (SELECT 'TRANSFER' AS type, status, currency, amount_minor, requested_at FROM transfer_view
                      UNION ALL
                      SELECT kind, status, currency, amount_minor, requested_at FROM payment_view) activity
                GROUP BY 1, 2, 3, 4)
            SELECT (SELECT COUNT(*) FROM (SELECT * FROM rollup EXCEPT ALL SELECT * FROM views) extra)
                 + (SELECT COUNT(*) FROM (SELECT * FROM views EXCEPT ALL SELECT * FROM rollup) missing)""";
    private static final String MISSING_ACKNOWLEDGED = """
            SELECT COUNT(*) FROM acknowledged a LEFT JOIN transfer_view t ON t.transfer_id = a.transfer_id
            WHERE a.http_status IN (201, 202) AND t.transfer_id IS NULL""";

    private Audit() {
    }

    /** @param reconcile see {@link PaymentAudit#run} */
    static Result run(Client client, Postgres postgres, Ledger ledger, Provider provider, boolean reconcile)
            throws Exception {
        List<String> violations = new ArrayList<>();
        Instant started = Instant.now();
        Map<String, Ledger.Acknowledged> acknowledged = ledger.acknowledged();
        try (Connection db = postgres.connect()) {
            loadAcknowledged(db, acknowledged);
            boolean caughtUp = awaitCatchUp(client, db, ledger, Duration.ofSeconds(120));
            double catchUp = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            if (!caughtUp) {
                violations.add("the read model did not catch up within 120 s");
            }

            JsonNode verify = client.get("/api/v1/ledger/verify").json();
            if (!verify.path("balanced").asBoolean()) {
                violations.add("GET /ledger/verify is not balanced: " + verify);
            }
            if (verify.path("negativeWallets").asLong() != 0) {
                violations.add(verify.path("negativeWallets").asLong() + " wallets are negative");
            }
            if (verify.path("walletsNotMatchingEntries").asLong() != 0) {
                violations.add(verify.path("walletsNotMatchingEntries").asLong() + " wallets differ from the sum of their postings");
            }
            long walletTotal = walletTotalMinor(db);
            if (walletTotal != expectedWalletTotalMinor(db, ledger)) {
                violations.add(("wallets hold %d minor units, but %d cash and %d M-Pesa were deposited, settled payouts "
                        + "took %d, approved incident corrections moved %d and conversions %d").formatted(walletTotal,
                        ledger.depositedMinor(), ledger.confirmedMinor(), settledPayoutsMinor(db),
                        correctionsToWalletsMinor(db), ledger.fx().walletNetMinor()));
            }
            long held = heldMinor(db);
            long reserved = reservedForPayoutsMinor(db);
            if (held != reserved) {
                violations.add("wallets hold back %d minor units, but open payouts reserved %d".formatted(held, reserved));
            }
            count(db, "SELECT COUNT(*) FROM transfer_view WHERE status = 'REQUESTED'", violations,
                    "transfers are stuck in REQUESTED");
            count(db, """
                    SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entry
                                          WHERE is_wallet AND (kind = 'TRANSFER_OUT' OR kind = 'FX' AND direction = 'DEBIT')
                                          GROUP BY transaction_id HAVING COUNT(*) > 1) doubled""", violations,
                    "transfers debited their source more than once");

            count(db, MISSING_ACKNOWLEDGED, violations, "acknowledged transfers are missing from the ledger");
            if (single(db, MISSING_ACKNOWLEDGED) != 0) {
                violations.add("missing acknowledged transfers, e.g. " + examples(db, """
                        SELECT a.transfer_id || ' (answered ' || a.http_status || ')' FROM acknowledged a
                        LEFT JOIN transfer_view t ON t.transfer_id = a.transfer_id
                        WHERE a.http_status IN (201, 202) AND t.transfer_id IS NULL LIMIT 5""")
                        + "; processors' tokens " + Processors.positions(db) + ", store head "
                        + single(db, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry"));
            }
            count(db, """
                    SELECT COUNT(*) FROM acknowledged a JOIN transfer_view t ON t.transfer_id = a.transfer_id
                    WHERE a.http_status = 201 AND a.outcome <> t.status""", violations,
                    "transfers ended differently from what the client was told");
            count(db, """
                    SELECT COUNT(*) FROM acknowledged a JOIN transfer_view t ON t.transfer_id = a.transfer_id
                    LEFT JOIN (SELECT transaction_id,
                                      COUNT(*) FILTER (WHERE kind = 'TRANSFER_OUT') AS outs,
                                      COUNT(*) FILTER (WHERE kind = 'TRANSFER_IN') AS ins,
                                      COUNT(*) FILTER (WHERE kind = 'REVERSAL') AS refunds,
                                      COUNT(*) FILTER (WHERE kind = 'FX' AND direction = 'DEBIT') AS fx_outs,
                                      COUNT(*) FILTER (WHERE kind = 'FX' AND direction = 'CREDIT') AS fx_ins
                               FROM ledger_entry WHERE is_wallet GROUP BY transaction_id) p ON p.transaction_id = a.transfer_id
                    WHERE NOT CASE t.status
                        WHEN 'COMPLETED' THEN CASE WHEN t.fx_quote_id IS NULL
                            THEN p.outs = 1 AND p.ins = 1 AND p.refunds = 0 AND p.fx_outs = 0 AND p.fx_ins = 0
                            -- A conversion debits its source in the FX leg (and a FEE leg), and credits its destination.
                            ELSE p.outs = 0 AND p.ins = 0 AND p.refunds = 0 AND p.fx_outs = 1 AND p.fx_ins = 1 END
                        WHEN 'FAILED' THEN p.outs = 1 AND p.ins = 0 AND p.refunds = 1
                        WHEN 'REJECTED' THEN p.transaction_id IS NULL
                        ELSE false END""", violations,
                    "acknowledged transfers are not reflected exactly once in the postings");
            count(db, """
                    SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entry WHERE is_wallet AND kind = 'WITHDRAWAL'
                                          GROUP BY transaction_id HAVING COUNT(*) > 1) doubled""", violations,
                    "payouts were captured more than once");

            count(db, ROLLUP_DIFFERENCES, violations,
                    "groups of the hourly statistics (activity_hourly) differ from the views they sum");

            Map<String, Object> payments = PaymentAudit.run(db, client, provider, ledger, reconcile, violations);
            return new Result(violations.isEmpty(), violations, acknowledged.size(), ledger.payouts().size(),
                    ledger.confirmations().size(), catchUp, payments);
        }
    }

    private static boolean awaitCatchUp(Client client, Connection db, Ledger ledger, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode verify = client.get("/api/v1/ledger/verify").json();
            boolean inStep = verify.path("walletsNotMatchingEntries").asLong() == 0
                    && walletTotalMinor(db) == expectedWalletTotalMinor(db, ledger)
                    && heldMinor(db) == reservedForPayoutsMinor(db);
            // Each transfer accepted in this run, by its id: a count of all the rows would also count those of an
            // earlier load over the same database (--compare-auth, --reuse-data) and could stop waiting too early.
            if (inStep && single(db, "SELECT COUNT(*) FROM transfer_view WHERE status = 'REQUESTED'") == 0
                    && single(db, MISSING_ACKNOWLEDGED) == 0
                    && recordedC2bPayments(db) >= ledger.confirmations().size()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Held money is included: it stays the wallet's until a settled payout captures it. */
    private static long walletTotalMinor(Connection db) throws Exception {
        return single(db, "SELECT COALESCE(SUM(available_minor + held_minor), 0) FROM wallet_view");
    }

    /**
     * What the wallets must hold: the cash the harness deposited, plus each distinct C2B deposit once, minus what
     * settled payouts captured (amount and fee), plus what approved incident corrections moved into them (a credit
     * back of a reversed payout) or out of them (the debit of a payout paid after it failed; a receivable credits the
     * wallet and debits it again, so it moves nothing), plus what conversions brought in less what they took out (in
     * minor units of whichever currency, as the wallets' sum counts them; {@link FxAudit} checks each wallet). Open payouts only move money from available to held, and
     * failed or refused ones give it back or never took it, so neither changes the total.
     */
    private static long expectedWalletTotalMinor(Connection db, Ledger ledger) throws Exception {
        return ledger.depositedMinor() + ledger.confirmedMinor() - settledPayoutsMinor(db) + correctionsToWalletsMinor(db)
                + ledger.fx().walletNetMinor();
    }

    /** The net of the RESOLVED incidents' corrections to the wallets, as the incident view records the decisions. */
    static long correctionsToWalletsMinor(Connection db) throws Exception {
        return single(db, """
                SELECT COALESCE(SUM(CASE resolved_action WHEN 'CREDIT_WALLET' THEN resolved_amount_minor
                                                         WHEN 'DEBIT_WALLET' THEN -resolved_amount_minor ELSE 0 END), 0)
                FROM incident_view WHERE status = 'RESOLVED'""");
    }

    private static long settledPayoutsMinor(Connection db) throws Exception {
        return single(db, """
                SELECT COALESCE(SUM(amount_minor + fee_minor), 0) FROM payment_view
                WHERE kind = 'WITHDRAWAL' AND status = 'SETTLED'""");
    }

    private static long heldMinor(Connection db) throws Exception {
        return single(db, "SELECT COALESCE(SUM(held_minor), 0) FROM wallet_view");
    }

    private static long reservedForPayoutsMinor(Connection db) throws Exception {
        return single(db, "SELECT COALESCE(SUM(amount_minor + fee_minor), 0) FROM payment_view "
                + "WHERE kind = 'WITHDRAWAL' AND status IN " + HOLDING);
    }

    private static long recordedC2bPayments(Connection db) throws Exception {
        return single(db, "SELECT COUNT(*) FROM payment_view WHERE method = 'MPESA_C2B'");
    }

    private static void loadAcknowledged(Connection db, Map<String, Ledger.Acknowledged> acknowledged) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("CREATE TEMPORARY TABLE acknowledged (transfer_id UUID PRIMARY KEY, http_status INT, outcome TEXT)");
        }
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO acknowledged VALUES (?::uuid, ?, ?) ON CONFLICT DO NOTHING")) {
            int batched = 0;
            for (Ledger.Acknowledged answer : acknowledged.values()) {
                if (answer.transferId() == null) {
                    continue;
                }
                insert.setString(1, answer.transferId());
                insert.setInt(2, answer.status());
                insert.setString(3, answer.status() == 422 ? "REJECTED" : answer.outcome());
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void count(Connection db, String sql, List<String> violations, String what) throws Exception {
        long count = single(db, sql);
        if (count != 0) {
            violations.add(count + " " + what);
        }
    }

    private static List<String> examples(Connection db, String sql) throws Exception {
        List<String> found = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    static long single(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
