package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The post-run audit: once the read model has caught up, the ledger must balance, hold exactly the money that was
 * deposited, have no negative wallet and no wallet whose balance differs from its postings, and reflect every
 * acknowledged transfer exactly once, with none left in flight.
 */
final class Audit {

    record Result(boolean passed, List<String> violations, long acknowledgedTransfers, double catchUpSeconds) {

        /** The same result with more violations found elsewhere (a chaos step that failed, say). */
        Result with(List<String> moreViolations) {
            List<String> all = new ArrayList<>(violations);
            all.addAll(moreViolations);
            return new Result(all.isEmpty(), List.copyOf(all), acknowledgedTransfers, catchUpSeconds);
        }
    }

    private Audit() {
    }

    static Result run(Client client, Postgres postgres, Ledger ledger) throws Exception {
        List<String> violations = new ArrayList<>();
        Instant started = Instant.now();
        Map<String, Ledger.Acknowledged> acknowledged = ledger.acknowledged();
        try (Connection db = postgres.connect()) {
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
            if (walletTotal != ledger.depositedMinor()) {
                violations.add("wallets hold %d minor units, but %d were deposited".formatted(walletTotal, ledger.depositedMinor()));
            }
            count(db, "SELECT COUNT(*) FROM transfer_view WHERE status = 'REQUESTED'", violations,
                    "transfers are stuck in REQUESTED");
            count(db, """
                    SELECT COUNT(*) FROM (SELECT transaction_id FROM ledger_entry WHERE is_wallet AND kind = 'TRANSFER_OUT'
                                          GROUP BY transaction_id HAVING COUNT(*) > 1) doubled""", violations,
                    "transfers debited their source more than once");

            loadAcknowledged(db, acknowledged);
            count(db, """
                    SELECT COUNT(*) FROM acknowledged a LEFT JOIN transfer_view t ON t.transfer_id = a.transfer_id
                    WHERE a.http_status IN (201, 202) AND t.transfer_id IS NULL""", violations,
                    "acknowledged transfers are missing from the ledger");
            count(db, """
                    SELECT COUNT(*) FROM acknowledged a JOIN transfer_view t ON t.transfer_id = a.transfer_id
                    WHERE a.http_status = 201 AND a.outcome <> t.status""", violations,
                    "transfers ended differently from what the client was told");
            count(db, """
                    SELECT COUNT(*) FROM acknowledged a JOIN transfer_view t ON t.transfer_id = a.transfer_id
                    LEFT JOIN (SELECT transaction_id,
                                      COUNT(*) FILTER (WHERE kind = 'TRANSFER_OUT') AS outs,
                                      COUNT(*) FILTER (WHERE kind = 'TRANSFER_IN') AS ins,
                                      COUNT(*) FILTER (WHERE kind = 'REVERSAL') AS refunds
                               FROM ledger_entry WHERE is_wallet GROUP BY transaction_id) p ON p.transaction_id = a.transfer_id
                    WHERE NOT CASE t.status
                        WHEN 'COMPLETED' THEN p.outs = 1 AND p.ins = 1 AND p.refunds = 0
                        WHEN 'FAILED' THEN p.outs = 1 AND p.ins = 0 AND p.refunds = 1
                        WHEN 'REJECTED' THEN p.transaction_id IS NULL
                        ELSE false END""", violations,
                    "acknowledged transfers are not reflected exactly once in the postings");
            return new Result(violations.isEmpty(), violations, acknowledged.size(), catchUp);
        }
    }

    private static boolean awaitCatchUp(Client client, Connection db, Ledger ledger, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            JsonNode verify = client.get("/api/v1/ledger/verify").json();
            boolean inStep = verify.path("walletsNotMatchingEntries").asLong() == 0
                    && walletTotalMinor(db) == ledger.depositedMinor();
            if (inStep && single(db, "SELECT COUNT(*) FROM transfer_view WHERE status = 'REQUESTED'") == 0
                    && projectedTransfers(db) >= acceptedTransfers(ledger)) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static long acceptedTransfers(Ledger ledger) {
        return ledger.acknowledged().values().stream().filter(a -> a.transferId() != null).count();
    }

    private static long projectedTransfers(Connection db) throws Exception {
        return single(db, "SELECT COUNT(*) FROM transfer_view");
    }

    private static long walletTotalMinor(Connection db) throws Exception {
        return single(db, "SELECT COALESCE(SUM(available_minor + held_minor), 0) FROM wallet_view");
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

    static long single(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
