package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/** The {@code payment_timeline} table: the only code that reads or writes it. */
@Component
public class PaymentTimelineRepository {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public PaymentTimelineRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** Inserts each entry once: an entry is unique per payment and sequence, so a redelivered event adds nothing. */
    void insert(List<PaymentTimelineRow> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO payment_timeline (payment_id, sequence, occurred_at, event, status, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (payment_id, sequence) DO NOTHING""", entries.stream().map(e -> new Object[]{
                e.paymentId(), e.sequence(), utc(e.occurredAt()), e.event(),
                e.status() == null ? null : e.status().name(), e.detail()}).toList());
    }

    void clear() {
        jdbc.execute("TRUNCATE payment_timeline");
    }

    /** The payment's first {@code limit} entries, in its order. */
    List<PaymentTimelineRow> of(UUID paymentId, int limit) {
        return client.sql("""
                        SELECT * FROM payment_timeline WHERE payment_id = ? ORDER BY sequence LIMIT ?""")
                .params(paymentId, limit)
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    return new PaymentTimelineRow(paymentId, rs.getLong("sequence"), rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("event"), status == null ? null : PaymentStatus.valueOf(status),
                            rs.getString("detail"));
                })
                .list();
    }
}
