package com.mizani.query.ops;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.query.support.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payments that need operations: those waiting on the provider or an operator, and payouts that failed. */
@Component
public class PaymentQueues {

    private final JdbcClient jdbc;

    public PaymentQueues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record QueuedPayment(UUID paymentId, String kind, String method, UUID walletId, String amount, String fee,
                                String currency, String status, String failureCode, String failureReason,
                                Instant requestedAt, Instant updatedAt, long ageSeconds) {
    }

    /**
     * Every payment in one status: how many, how long the oldest has waited since it was requested, and the oldest
     * few.
     */
    public record Queue(long count, Instant oldestRequestedAt, Long oldestAgeSeconds, List<QueuedPayment> items) {
    }

    /** Payouts that failed within the window (by when they failed), most recent first. */
    public record FailedPayouts(long count, List<QueuedPayment> items) {
    }

    private record Counted(QueuedPayment payment, long total) {
    }

    /** Oldest first: the payment waiting longest is the one to look at. */
    public Queue waiting(String status, int items, Instant now) {
        List<Counted> rows = jdbc.sql("""
                        SELECT *, COUNT(*) OVER () AS total FROM payment_view WHERE status = ?
                        ORDER BY requested_at, payment_id LIMIT ?""")
                .params(status, items)
                .query((rs, row) -> new Counted(payment(rs, now), rs.getLong("total")))
                .list();
        if (rows.isEmpty()) {
            return new Queue(0, null, null, List.of());
        }
        QueuedPayment oldest = rows.getFirst().payment();
        return new Queue(rows.getFirst().total(), oldest.requestedAt(), oldest.ageSeconds(),
                rows.stream().map(Counted::payment).toList());
    }

    public FailedPayouts failedPayouts(Instant from, Instant to, int items, Instant now) {
        List<Counted> rows = jdbc.sql("""
                        SELECT *, COUNT(*) OVER () AS total FROM payment_view
                        WHERE status = 'FAILED' AND kind = 'WITHDRAWAL' AND updated_at >= ? AND updated_at < ?
                        ORDER BY updated_at DESC, payment_id LIMIT ?""")
                .params(SqlTimes.utc(from), SqlTimes.utc(to), items)
                .query((rs, row) -> new Counted(payment(rs, now), rs.getLong("total")))
                .list();
        return new FailedPayouts(rows.isEmpty() ? 0 : rows.getFirst().total(),
                rows.stream().map(Counted::payment).toList());
    }

    private static QueuedPayment payment(ResultSet rs, Instant now) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        Instant requestedAt = rs.getTimestamp("requested_at").toInstant();
        return new QueuedPayment(rs.getObject("payment_id", UUID.class), rs.getString("kind"), rs.getString("method"),
                rs.getObject("wallet_id", UUID.class), Money.format(rs.getLong("amount_minor"), currency),
                Money.format(rs.getLong("fee_minor"), currency), currency.name(), rs.getString("status"),
                rs.getString("failure_code"), rs.getString("failure_reason"), requestedAt,
                rs.getTimestamp("updated_at").toInstant(), Math.max(0, Duration.between(requestedAt, now).toSeconds()));
    }
}
