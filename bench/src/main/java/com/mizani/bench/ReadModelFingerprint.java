package com.mizani.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checksum of each PostgreSQL read-model table, to show that a replay rebuilt the same rows: the row count and the
 * sum of every row's MD5 (its first 60 bits), which does not depend on the order rows were written in. Columns the
 * projections fill from the database rather than from the events are left out: {@code ledger_entry.entry_id} (a
 * sequence) and {@code transfer_view.projected_at} (the database clock).
 */
final class ReadModelFingerprint {

    static final List<String> TABLES = List.of("wallet_view", "ledger_entry", "transfer_view", "payment_view",
            "payment_timeline");
    static final Set<String> NOT_FROM_EVENTS = Set.of("ledger_entry.entry_id", "transfer_view.projected_at");

    private ReadModelFingerprint() {
    }

    /**
     * A table's row count and checksum, and one checksum per column, so that a difference can be traced to the
     * columns it is in.
     */
    record Table(long rows, String checksum, Map<String, String> columns) {
    }

    static Map<String, Table> of(Connection db) throws Exception {
        Map<String, Table> fingerprint = new LinkedHashMap<>();
        for (String table : TABLES) {
            List<String> columns = columns(db, table);
            StringBuilder sql = new StringBuilder("SELECT COUNT(*), ").append(sum("ROW(" + String.join(", ", columns) + ")"));
            for (String column : columns) {
                sql.append(", ").append(sum(column));
            }
            sql.append(" FROM ").append(table);
            try (PreparedStatement query = db.prepareStatement(sql.toString()); ResultSet rows = query.executeQuery()) {
                rows.next();
                Map<String, String> byColumn = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    byColumn.put(columns.get(i), rows.getBigDecimal(3 + i).toPlainString());
                }
                fingerprint.put(table, new Table(rows.getLong(1), rows.getBigDecimal(2).toPlainString(), byColumn));
            }
        }
        return fingerprint;
    }

    /** The sum of the first 60 bits of each row's MD5 of {@code expression} as text (NULL counts as ''). */
    private static String sum(String expression) {
        return "COALESCE(SUM(('x' || SUBSTR(MD5(COALESCE((%s)::text, '')), 1, 15))::bit(60)::bigint), 0)"
                .formatted(expression);
    }

    /** "rows / checksum" per table, for the report. */
    static Map<String, String> summary(Map<String, Table> fingerprint) {
        Map<String, String> summary = new LinkedHashMap<>();
        fingerprint.forEach((table, figures) -> summary.put(table, figures.rows() + " / " + figures.checksum()));
        return summary;
    }

    /** Per table that differs, the columns that do ("(row count)" when the counts differ); empty when nothing does. */
    static Map<String, List<String>> differences(Map<String, Table> before, Map<String, Table> after) {
        Map<String, List<String>> differences = new LinkedHashMap<>();
        for (String table : TABLES) {
            Table was = before.get(table);
            Table is = after.get(table);
            if (was.rows() != is.rows() || !was.checksum().equals(is.checksum())) {
                List<String> columns = new ArrayList<>();
                if (was.rows() != is.rows()) {
                    columns.add("(row count: %d before, %d after)".formatted(was.rows(), is.rows()));
                }
                was.columns().keySet().stream()
                        .filter(column -> !was.columns().get(column).equals(is.columns().get(column)))
                        .forEach(columns::add);
                differences.put(table, columns);
            }
        }
        return differences;
    }

    private static List<String> columns(Connection db, String table) throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    if (!NOT_FROM_EVENTS.contains(table + "." + rows.getString(1))) {
                        columns.add(rows.getString(1));
                    }
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("no table " + table);
        }
        return columns;
    }
}
