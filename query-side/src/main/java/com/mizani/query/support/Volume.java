package com.mizani.query.support;

import com.mizani.kernel.money.CurrencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * How many transfers or payments of one type, status and currency were requested, and the sum of their amounts.
 * Read from a view with {@code requested_at}, {@code status}, {@code currency} and {@code amount_minor} columns.
 *
 * @param bucketStart the start of the time bucket they were requested in; null for a whole window
 */
public record Volume(Instant bucketStart, String type, String status, CurrencyCode currency, long count,
                     long amountMinor) {

    /**
     * The view's rows requested in [{@code from}, {@code to}), by type, status and currency, in no order.
     *
     * @param view the view's name
     * @param type the view's expression for the type: a column, or a constant for a view of one type
     */
    public static List<Volume> totals(JdbcClient client, String view, String type, Instant from, Instant to) {
        return client.sql("SELECT " + type + " AS type, status, currency, COUNT(*) AS count,"
                        + " SUM(amount_minor) AS amount_minor FROM " + view
                        + " WHERE requested_at >= ? AND requested_at < ? GROUP BY 1, status, currency")
                .params(utc(from), utc(to))
                .query((rs, row) -> read(null, rs))
                .list();
    }

    /**
     * Like {@link #totals}, by time bucket too: the first {@code limit} by bucket, type, status and currency.
     *
     * @param bucket a PostgreSQL interval ({@code 1 hour}); buckets start at whole multiples of it since the epoch,
     *               so at whole UTC minutes, hours and days
     */
    public static List<Volume> byBucket(JdbcClient client, String view, String type, String bucket, Instant from,
                                        Instant to, int limit) {
        return client.sql("SELECT date_bin(CAST(? AS interval), requested_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')"
                        + " AS bucket_start, " + type + " AS type, status, currency, COUNT(*) AS count,"
                        + " SUM(amount_minor) AS amount_minor FROM " + view
                        + " WHERE requested_at >= ? AND requested_at < ?"
                        + " GROUP BY 1, 2, status, currency ORDER BY 1, 2, status, currency LIMIT ?")
                .params(bucket, utc(from), utc(to), limit)
                .query((rs, row) -> read(rs.getTimestamp("bucket_start").toInstant(), rs))
                .list();
    }

    private static Volume read(Instant bucketStart, ResultSet rs) throws SQLException {
        return new Volume(bucketStart, rs.getString("type"), rs.getString("status"),
                CurrencyCode.valueOf(rs.getString("currency")), rs.getLong("count"), rs.getLong("amount_minor"));
    }
}
