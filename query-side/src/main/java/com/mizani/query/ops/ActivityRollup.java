package com.mizani.query.ops;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.query.support.Volume;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The hourly counts and volumes of transfers and payments ({@code activity_hourly}), kept exact by the views' own
 * triggers (migration V21): what the statistics read for hour and day buckets, so that an overview reads a few rows
 * per hour however busy the hour was. Minute buckets still aggregate the views.
 *
 * <p>The triggers only add deltas; {@link #compact} sums each hour's deltas into one row per group from time to
 * time. Each compaction sums exactly the rows it deleted, in one statement, so compactions on two nodes at once, or
 * deltas committed meanwhile, change no total.
 */
@Component
public class ActivityRollup {

    private static final String EPOCH = "TIMESTAMPTZ '1970-01-01 00:00:00+00'";

    private final JdbcClient client;

    public ActivityRollup(JdbcClient client) {
        this.client = client;
    }

    /**
     * The groups of each bucket in [{@code from}, {@code to}), whole hours: the first {@code limit} by bucket, type,
     * status and currency.
     *
     * @param bucket a PostgreSQL interval of whole hours ({@code 1 hour}, {@code 1 day})
     */
    public List<Volume> byBucket(String bucket, Instant from, Instant to, int limit) {
        return client.sql("SELECT date_bin(CAST(? AS interval), hour_start, " + EPOCH + ") AS bucket_start, type,"
                        + " status, currency, SUM(count) AS count, SUM(amount_minor) AS amount_minor"
                        + " FROM activity_hourly WHERE hour_start >= ? AND hour_start < ?"
                        + " GROUP BY 1, type, status, currency HAVING SUM(count) <> 0"
                        + " ORDER BY 1, type, status, currency LIMIT ?")
                .params(bucket, utc(from), utc(to), limit)
                .query((rs, row) -> read(rs.getTimestamp("bucket_start").toInstant(), rs))
                .list();
    }

    /** The groups of the whole window [{@code from}, {@code to}), whole hours. */
    public List<Volume> totals(Instant from, Instant to) {
        return client.sql("SELECT type, status, currency, SUM(count) AS count, SUM(amount_minor) AS amount_minor"
                        + " FROM activity_hourly WHERE hour_start >= ? AND hour_start < ?"
                        + " GROUP BY type, status, currency HAVING SUM(count) <> 0")
                .params(utc(from), utc(to))
                .query((rs, row) -> read(null, rs))
                .list();
    }

    /** Sums the deltas of every group that has more than one row into one row (none when they cancel out). */
    @Scheduled(fixedDelayString = "${mizani.ops.activity-compaction-ms:60000}",
            initialDelayString = "${mizani.ops.activity-compaction-ms:60000}")
    public void compact() {
        client.sql("""
                WITH crowded AS (
                    SELECT hour_start, type, status, currency FROM activity_hourly
                    GROUP BY hour_start, type, status, currency HAVING COUNT(*) > 1),
                gone AS (
                    DELETE FROM activity_hourly a USING crowded c
                    WHERE a.hour_start = c.hour_start AND a.type = c.type AND a.status = c.status
                      AND a.currency = c.currency
                    RETURNING a.hour_start, a.type, a.status, a.currency, a.count, a.amount_minor)
                INSERT INTO activity_hourly (hour_start, type, status, currency, count, amount_minor)
                SELECT hour_start, type, status, currency, SUM(count), SUM(amount_minor) FROM gone
                GROUP BY hour_start, type, status, currency
                HAVING SUM(count) <> 0 OR SUM(amount_minor) <> 0""").update();
    }

    /** How many rows hold the hours: what {@link #compact} keeps small. */
    public long rows() {
        return client.sql("SELECT COUNT(*) FROM activity_hourly").query(Long.class).single();
    }

    private static Volume read(Instant bucketStart, ResultSet rs) throws SQLException {
        return new Volume(bucketStart, rs.getString("type"), rs.getString("status"),
                CurrencyCode.valueOf(rs.getString("currency")), rs.getLong("count"), rs.getLong("amount_minor"));
    }
}
