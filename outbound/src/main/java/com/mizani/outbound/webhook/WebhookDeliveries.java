package com.mizani.outbound.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The webhook_delivery table: one message to one endpoint, from its first attempt to delivered or dead. */
@Repository
public class WebhookDeliveries {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String DEAD = "DEAD";

    /** A delivery to make: due at once. */
    public record NewDelivery(UUID endpointId, String messageId, String orderingKey, long seq, Instant createdAt) {
    }

    /** A delivery due now, with what to send. */
    public record Due(long id, String messageId, String type, int attempts, Instant messageCreatedAt, byte[] body) {
    }

    /** What became of an attempt: delivered, or pending again at {@code nextAttemptAt}, or dead. */
    public record Finished(long id, String state, int attempts, Instant nextAttemptAt, Instant finishedAt) {
    }

    public record Delivery(long deliveryId, String eventId, String type, Long position, String state, int attempts,
                           Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {
    }

    private final JdbcTemplate jdbc;

    public WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO webhook_delivery (endpoint_id, message_id, ordering_key, seq, state, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                deliveries, deliveries.size(), (statement, delivery) -> {
                    statement.setObject(1, delivery.endpointId());
                    statement.setString(2, delivery.messageId());
                    statement.setString(3, delivery.orderingKey());
                    statement.setLong(4, delivery.seq());
                    statement.setTimestamp(5, Timestamp.from(delivery.createdAt()));
                    statement.setTimestamp(6, Timestamp.from(delivery.createdAt()));
                });
    }

    /** A pending delivery as the queue holds it: its resource, and whether it is due now. */
    public record Queued(long id, String orderingKey, long seq, boolean due) {
    }

    /**
     * The next deliveries of the endpoint's pending queue, in the store's order, after ({@code afterSeq},
     * {@code afterId}); due or not, so that the caller can tell which are the first of their resource.
     */
    public List<Queued> queue(UUID endpointId, long afterSeq, long afterId, int limit) {
        return jdbc.query("SELECT id, ordering_key, seq, next_attempt_at <= now() FROM webhook_delivery "
                        + "WHERE endpoint_id = ? AND state = 'PENDING' AND (seq, id) > (?, ?) ORDER BY seq, id LIMIT ?",
                (rs, row) -> new Queued(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)),
                endpointId, afterSeq, afterId, limit);
    }

    /** The deliveries with these ids, with what to send, in the order of the ids. */
    public List<Due> due(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Due> byId = new HashMap<>();
        jdbc.query("SELECT d.id, d.message_id, m.type, d.attempts, m.created_at, m.body FROM webhook_delivery d "
                        + "JOIN webhook_message m ON m.id = d.message_id WHERE d.id = ANY (?) AND d.state = 'PENDING'",
                rs -> {
                    byId.put(rs.getLong(1), new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getTimestamp(5).toInstant(), rs.getBytes(6)));
                }, (Object) ids.toArray(Long[]::new));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    public void finish(List<Finished> finished) {
        jdbc.batchUpdate("UPDATE webhook_delivery SET state = ?, attempts = ?, next_attempt_at = ?, finished_at = ? "
                + "WHERE id = ? AND state = 'PENDING'", finished, finished.size(), (statement, done) -> {
            statement.setString(1, done.state());
            statement.setInt(2, done.attempts());
            statement.setTimestamp(3, Timestamp.from(done.nextAttemptAt()));
            if (done.finishedAt() == null) {
                statement.setNull(4, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setTimestamp(4, Timestamp.from(done.finishedAt()));
            }
            statement.setLong(5, done.id());
        });
    }

    /** Makes every pending delivery of the endpoint due now: it answers again, so its backoff has no reason left. */
    public int dueNow(UUID endpointId) {
        return jdbc.update("UPDATE webhook_delivery SET next_attempt_at = now() WHERE endpoint_id = ? "
                + "AND state = 'PENDING' AND next_attempt_at > now()", endpointId);
    }

    /** An endpoint's deliveries, newest first, optionally of one state; {@code beforeId} -1 for the first page. */
    public List<Delivery> list(UUID endpointId, String state, long beforeId, int limit) {
        return jdbc.query("SELECT d.id, d.message_id, m.type, m.position, d.state, d.attempts, d.created_at, "
                        + "d.next_attempt_at, d.finished_at FROM webhook_delivery d "
                        + "JOIN webhook_message m ON m.id = d.message_id WHERE d.endpoint_id = ? "
                        + "AND (?::text IS NULL OR d.state = ?) AND (? < 0 OR d.id < ?) ORDER BY d.id DESC LIMIT ?",
                (rs, row) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3),
                        (Long) rs.getObject(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        PENDING.equals(rs.getString(5)) ? rs.getTimestamp(8).toInstant() : null,
                        WebhookEndpoints.instant(rs.getTimestamp(9))),
                endpointId, state, state, beforeId, beforeId, limit);
    }

    /** Per endpoint: deliveries still pending, and the age of the oldest one's event in milliseconds. */
    public record Backlog(UUID endpointId, long pending, long oldestAgeMs) {
    }

    public List<Backlog> backlog() {
        return jdbc.query("SELECT d.endpoint_id, count(*), "
                        + "coalesce(extract(epoch FROM now() - min(m.created_at)) * 1000, 0)::bigint "
                        + "FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id "
                        + "WHERE d.state = 'PENDING' GROUP BY d.endpoint_id",
                (rs, row) -> new Backlog(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)));
    }

    /** Delivered and dead deliveries that finished before {@code before}. */
    public int pruneFinished(Instant before) {
        return jdbc.update("DELETE FROM webhook_delivery WHERE state <> 'PENDING' AND finished_at < ?",
                Timestamp.from(before));
    }
}
