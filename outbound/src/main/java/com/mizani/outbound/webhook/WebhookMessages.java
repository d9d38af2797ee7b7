package com.mizani.outbound.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The webhook_message table: each public event's body once, however many endpoints it goes to. */
@Repository
public class WebhookMessages {

    public record Message(String id, String type, Long position, Instant createdAt, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    public WebhookMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A message stored before (a redelivery, a fan-out retried after a crash) stays as it is. */
    public void insert(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO webhook_message (id, type, position, created_at, body) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT (id) DO NOTHING", messages, messages.size(), (statement, message) -> {
                    statement.setString(1, message.id());
                    statement.setString(2, message.type());
                    statement.setObject(3, message.position());
                    statement.setTimestamp(4, Timestamp.from(message.createdAt()));
                    statement.setBytes(5, message.body());
                });
    }

    /** Messages no delivery names any more, stored before {@code before}. */
    public int pruneUnreferenced(Instant before) {
        return jdbc.update("DELETE FROM webhook_message m WHERE m.created_at < ? "
                + "AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.message_id = m.id)", Timestamp.from(before));
    }
}
