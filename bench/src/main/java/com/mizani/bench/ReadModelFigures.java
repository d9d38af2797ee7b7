package com.mizani.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * What the read model shows for the measured window, straight from the projections' own tables: transfers whose
 * COMPLETED status became visible in the window, and the projection lag, from the event's time (when the command
 * decided) to the moment the projection wrote the status (database clock); payouts that settled in the window (by
 * the time of their last event, the settlement); and how long payouts requested in the window took from request to
 * settlement, however long after the window that was.
 */
final class ReadModelFigures {

    record Result(long completedVisible, double completedVisiblePerSecond, double lagP50Ms, double lagP99Ms,
                  double lagMaxMs, long settledPayouts, double settledPayoutsPerSecond, double settleP50Ms,
                  double settleP99Ms, double settleMaxMs) {
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
                long settled = settledPayouts(db, from, to);
                double[] settleMs = timeToSettleMs(db, from, to);
                return new Result(completed, completed / seconds, rows.getDouble("p50"), rows.getDouble("p99"),
                        rows.getDouble("max"), settled, settled / seconds, settleMs[0], settleMs[1], settleMs[2]);
            }
        }
    }

    /** p50, p99 and max, in ms, of request to settlement (both event times) of payouts requested in the window. */
    private static double[] timeToSettleMs(Connection db, Instant from, Instant to) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY ms),
                       MAX(ms)
                FROM (SELECT EXTRACT(EPOCH FROM (updated_at - requested_at)) * 1000 AS ms FROM payment_view
                      WHERE kind = 'WITHDRAWAL' AND status = 'SETTLED' AND requested_at >= ? AND requested_at < ?) s""")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new double[]{rows.getDouble(1), rows.getDouble(2), rows.getDouble(3)};
            }
        }
    }

    private static long settledPayouts(Connection db, Instant from, Instant to) throws Exception {
        try (PreparedStatement query = db.prepareStatement("""
                SELECT COUNT(*) FROM payment_view
                WHERE kind = 'WITHDRAWAL' AND status = 'SETTLED' AND updated_at >= ? AND updated_at < ?""")) {
            query.setTimestamp(1, Timestamp.from(from));
            query.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
