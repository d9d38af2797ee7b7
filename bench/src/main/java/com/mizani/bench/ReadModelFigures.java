package com.mizani.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What the read model shows for the measured window, straight from the projection's own table: transfers whose
 * COMPLETED status became visible in the window, and the projection lag, from the event's time (when the command
 * decided) to the moment the projection wrote the status (database clock).
 */
final class ReadModelFigures {

    record Result(long completedVisible, double completedVisiblePerSecond, double lagP50Ms, double lagP99Ms,
                  double lagMaxMs) {
    }

    private ReadModelFigures() {
    }

    static Result measure(Connection db, Instant from, Instant to) throws Exception {
        double seconds = (to.toEpochMilli() - from.toEpochMilli()) / 1000.0;
        try (PreparedStatement query = db.prepareStatement("""
                SELECT COUNT(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY lag_ms) AS p50,
                       percentile_cont(0.99) WITHIN GROUP (ORDER BY lag_ms) AS p99,
                       MAX(lag_ms) AS max
                FROM (SELECT status, EXTRACT(EPOCH FROM (projected_at - finished_at)) * 1000 AS lag_ms
                      FROM transfer_view WHERE projected_at >= ? AND projected_at < ? AND finished_at IS NOT NULL) w""")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long completed = rows.getLong("completed");
                return new Result(completed, completed / seconds, rows.getDouble("p50"), rows.getDouble("p99"),
                        rows.getDouble("max"));
            }
        }
    }
}
