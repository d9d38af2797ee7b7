package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.query.support.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Operations statistics from the transfer and payment views: counts and volumes by type, status and currency over
 * time buckets (by when each was requested, in its status now), the queues of payments waiting on the provider or
 * an operator, and failed payouts.
 */
@RestController
public class OpsStatsController {

    static final int DEFAULT_ITEMS = 10;
    static final int MAX_ITEMS = 100;
    /** Far above what 1440 buckets of three types, a few statuses and currencies give; it only guards the response. */
    static final int MAX_SERIES_ROWS = 20_000;

    private final JdbcClient jdbc;
    private final PaymentQueues queues;
    private final Clock clock = Clock.systemUTC();

    public OpsStatsController(JdbcClient jdbc, PaymentQueues queues) {
        this.jdbc = jdbc;
        this.queues = queues;
    }

    /** @param volume the sum of the amounts (fees excluded), in major units */
    public record Group(String type, String status, String currency, long count, String volume) {
    }

    public record BucketGroup(Instant bucketStart, String type, String status, String currency, long count,
                              String volume) {
    }

    /** Waiting payments are counted whenever they were requested; the window does not apply to them. */
    public record Queues(PaymentQueues.Queue ambiguous, PaymentQueues.Queue manualReview) {
    }

    /**
     * @param series          only the buckets and groups that had activity, oldest bucket first
     * @param seriesTruncated true when the series was cut at its bound (the totals never are)
     */
    public record Stats(Instant from, Instant to, Bucket bucket, long buckets, List<Group> totals,
                        List<BucketGroup> series, boolean seriesTruncated, Queues queues,
                        PaymentQueues.FailedPayouts failedPayouts, Instant generatedAt) {
    }

    /**
     * @param from  start of the window (ISO-8601), widened to its bucket's start; default: 24 hours before {@code to}
     * @param to    end of the window (ISO-8601, exclusive), widened to a bucket's end; default: now
     * @param items how many waiting and failed payments to list, 1 to 100
     */
    @GetMapping("/api/v1/ops/stats")
    public Stats stats(@RequestParam(required = false) String from,
                       @RequestParam(required = false) String to,
                       @RequestParam(required = false) String bucket,
                       @RequestParam(required = false) Integer items) {
        Instant now = clock.instant();
        StatsWindow window = StatsWindow.of(from, to, bucket, now);
        int listed = checkedItems(items);
        List<BucketGroup> series = series(window);
        boolean truncated = series.size() > MAX_SERIES_ROWS;
        return new Stats(window.from(), window.to(), window.bucket(), window.buckets(), totals(window),
                truncated ? series.subList(0, MAX_SERIES_ROWS) : series, truncated,
                new Queues(queues.waiting(PaymentStatus.AMBIGUOUS.name(), listed, now),
                        queues.waiting(PaymentStatus.MANUAL_REVIEW.name(), listed, now)),
                queues.failedPayouts(window.from(), window.to(), listed, now), now);
    }

    /** Transfers and payments requested in the window, as one relation of type, status, currency and amount. */
    private static final String ACTIVITY = """
            (SELECT 'TRANSFER' AS type, status, currency, amount_minor, requested_at FROM transfer_view
             WHERE requested_at >= ? AND requested_at < ?
             UNION ALL
             SELECT kind, status, currency, amount_minor, requested_at FROM payment_view
             WHERE requested_at >= ? AND requested_at < ?) activity""";

    private List<Group> totals(StatsWindow window) {
        return jdbc.sql("SELECT type, status, currency, COUNT(*) AS count, SUM(amount_minor) AS volume FROM " + ACTIVITY
                        + " GROUP BY type, status, currency ORDER BY type, status, currency")
                .params(windowParams(window))
                .query((rs, row) -> new Group(rs.getString("type"), rs.getString("status"), rs.getString("currency"),
                        rs.getLong("count"), volume(rs)))
                .list();
    }

    private List<BucketGroup> series(StatsWindow window) {
        // date_bin from the epoch gives buckets at whole UTC minutes, hours and days, like the window's bounds.
        return jdbc.sql("SELECT date_bin(CAST(? AS interval), requested_at, TIMESTAMPTZ '1970-01-01 00:00:00+00')"
                        + " AS bucket_start, type, status, currency, COUNT(*) AS count, SUM(amount_minor) AS volume FROM "
                        + ACTIVITY + " GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4 LIMIT ?")
                .params(seriesParams(window))
                .query((rs, row) -> new BucketGroup(rs.getTimestamp("bucket_start").toInstant(), rs.getString("type"),
                        rs.getString("status"), rs.getString("currency"), rs.getLong("count"), volume(rs)))
                .list();
    }

    private static List<Object> windowParams(StatsWindow window) {
        Object from = SqlTimes.utc(window.from());
        Object to = SqlTimes.utc(window.to());
        return List.of(from, to, from, to);
    }

    private static List<Object> seriesParams(StatsWindow window) {
        Object from = SqlTimes.utc(window.from());
        Object to = SqlTimes.utc(window.to());
        return List.of(window.bucket().interval(), from, to, from, to, MAX_SERIES_ROWS + 1);
    }

    private static String volume(ResultSet rs) throws SQLException {
        return Money.format(rs.getLong("volume"), CurrencyCode.valueOf(rs.getString("currency")));
    }

    private static int checkedItems(Integer items) {
        if (items == null) {
            return DEFAULT_ITEMS;
        }
        if (items < 1 || items > MAX_ITEMS) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "items must be between 1 and " + MAX_ITEMS);
        }
        return items;
    }
}
