package com.mizani.outbound.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The webhook_attempt table: every request Mizani made to an endpoint, and what came back. */
@Repository
public class WebhookAttempts {

    /**
     * @param statusCode      the HTTP status, or null when no answer came
     * @param responseExcerpt the first bytes of the answer's body
     * @param error           why no answer came (refused, timed out, address not allowed)
     * @param outcome         DELIVERED, RETRYING or DEAD
     */
    public record Attempt(long attemptId, UUID endpointId, long deliveryId, String eventId, String eventType,
                          int attempt, Instant attemptedAt, Integer statusCode, long latencyMs,
                          String responseExcerpt, String error, String outcome) {
    }

    private final JdbcTemplate jdbc;

    public WebhookAttempts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(List<Attempt> attempts) {
        jdbc.batchUpdate("INSERT INTO webhook_attempt (endpoint_id, delivery_id, message_id, event_type, attempt, "
                        + "attempted_at, status_code, latency_ms, response_excerpt, error, outcome) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", attempts, attempts.size(), (statement, attempt) -> {
                    statement.setObject(1, attempt.endpointId());
                    statement.setLong(2, attempt.deliveryId());
                    statement.setString(3, attempt.eventId());
                    statement.setString(4, attempt.eventType());
                    statement.setInt(5, attempt.attempt());
                    statement.setTimestamp(6, Timestamp.from(attempt.attemptedAt()));
                    if (attempt.statusCode() == null) {
                        statement.setNull(7, Types.INTEGER);
                    } else {
                        statement.setInt(7, attempt.statusCode());
                    }
                    statement.setLong(8, attempt.latencyMs());
                    statement.setString(9, attempt.responseExcerpt());
                    statement.setString(10, attempt.error());
                    statement.setString(11, attempt.outcome());
                });
    }

    /** An endpoint's attempts, newest first; {@code beforeId} -1 for the first page. */
    public List<Attempt> list(UUID endpointId, long beforeId, int limit) {
        return jdbc.query("SELECT id, endpoint_id, delivery_id, message_id, event_type, attempt, attempted_at, "
                        + "status_code, latency_ms, response_excerpt, error, outcome FROM webhook_attempt "
                        + "WHERE endpoint_id = ? AND (? < 0 OR id < ?) ORDER BY id DESC LIMIT ?",
                (rs, row) -> new Attempt(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(), (Integer) rs.getObject(8),
                        rs.getLong(9), rs.getString(10), rs.getString(11), rs.getString(12)),
                endpointId, beforeId, beforeId, limit);
    }

    public int pruneBefore(Instant before) {
        return jdbc.update("DELETE FROM webhook_attempt WHERE attempted_at < ?", Timestamp.from(before));
    }
}
