package com.mizani.outbound.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The webhook_endpoint table: the only class with SQL for it. Every read and change is scoped to an owner. */
@Repository
public class WebhookEndpoints {

    /** An endpoint as stored, secrets included; never answered as it is. */
    public record Endpoint(UUID id, String owner, String url, String description, List<String> eventTypes,
                           String secret, String previousSecret, Instant previousSecretExpiresAt, boolean enabled,
                           String disabledReason, long fromPosition, Instant failingSince, Instant createdAt,
                           Instant updatedAt) {

        /** The secrets that sign a message sent at {@code now}: the current one, and the old one in its grace. */
        public List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    /** What the fan-out needs of an enabled endpoint to tell whether an event is for it. */
    public record Subscriber(UUID id, String owner, Set<String> eventTypes, long fromPosition) {
    }

    private static final String COLUMNS = "id, owner, url, description, event_types, secret, previous_secret, "
            + "previous_secret_expires_at, enabled, disabled_reason, from_position, failing_since, created_at, updated_at";

    private final JdbcTemplate jdbc;

    public WebhookEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Endpoint endpoint, String createdBy) {
        jdbc.update("INSERT INTO webhook_endpoint (" + COLUMNS + ", created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, TRUE, NULL, ?, NULL, ?, ?, ?)",
                endpoint.id(), endpoint.owner(), endpoint.url(), endpoint.description(),
                endpoint.eventTypes().toArray(String[]::new), endpoint.secret(), endpoint.fromPosition(),
                Timestamp.from(endpoint.createdAt()), Timestamp.from(endpoint.updatedAt()), createdBy);
    }

    public int countOf(String owner) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM webhook_endpoint WHERE owner = ?", Integer.class,
                owner);
        return count == null ? 0 : count;
    }

    public Optional<Endpoint> find(String owner, UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ? AND owner = ?", ENDPOINT, id, owner)
                .stream().findFirst();
    }

    /** An endpoint by id alone: for the dispatcher, which sends on behalf of every owner. */
    public Optional<Endpoint> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?", ENDPOINT, id).stream().findFirst();
    }

    /** The owner's endpoints in the order they were registered (at most mizani.webhooks.max-endpoints-per-owner). */
    public List<Endpoint> list(String owner) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE owner = ? ORDER BY created_at, id",
                ENDPOINT, owner);
    }

    public boolean update(String owner, UUID id, String url, List<String> eventTypes, String description,
                          Instant now) {
        return jdbc.update("UPDATE webhook_endpoint SET url = ?, event_types = ?, description = ?, updated_at = ? "
                        + "WHERE id = ? AND owner = ?", url, eventTypes.toArray(String[]::new), description,
                Timestamp.from(now), id, owner) == 1;
    }

    /** Enabling forgets the failures that disabled it: the endpoint gets its full time again. */
    public boolean setEnabled(String owner, UUID id, boolean enabled, String reason, Instant now) {
        return jdbc.update("UPDATE webhook_endpoint SET enabled = ?, disabled_reason = ?, "
                        + "failing_since = CASE WHEN ? THEN NULL ELSE failing_since END, updated_at = ? "
                        + "WHERE id = ? AND owner = ?",
                enabled, enabled ? null : reason, enabled, Timestamp.from(now), id, owner) == 1;
    }

    /** Its deliveries and attempts go with it (ON DELETE CASCADE). */
    public boolean delete(String owner, UUID id) {
        return jdbc.update("DELETE FROM webhook_endpoint WHERE id = ? AND owner = ?", id, owner) == 1;
    }

    public boolean rotate(String owner, UUID id, String newSecret, Instant previousValidUntil, Instant now) {
        return jdbc.update("UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_expires_at = ?, "
                        + "secret = ?, updated_at = ? WHERE id = ? AND owner = ?",
                Timestamp.from(previousValidUntil), newSecret, Timestamp.from(now), id, owner) == 1;
    }

    public List<Subscriber> enabledSubscribers() {
        return jdbc.query("SELECT id, owner, event_types, from_position FROM webhook_endpoint WHERE enabled",
                (rs, row) -> new Subscriber(rs.getObject(1, UUID.class), rs.getString(2), Set.of(texts(rs.getArray(3))),
                        rs.getLong(4)));
    }

    /** Enabled endpoints with a delivery due now whose lease is free or this node's. */
    public List<UUID> withDueDeliveries(String node) {
        return jdbc.queryForList("SELECT w.id FROM webhook_endpoint w WHERE w.enabled "
                + "AND (w.lease_until IS NULL OR w.lease_until < now() OR w.lease_owner = ?) "
                + "AND EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.endpoint_id = w.id AND d.state = 'PENDING' "
                + "AND d.next_attempt_at <= now())", UUID.class, node);
    }

    /**
     * Takes or renews this node's lease on an enabled endpoint: only the lease holder sends to it, so that two
     * nodes never send one resource's events out of order. Empty when another node holds it or it is disabled.
     */
    public Optional<Endpoint> lease(UUID id, String node, long leaseMs) {
        return jdbc.query("UPDATE webhook_endpoint SET lease_owner = ?, lease_until = now() + (? * interval '1 millisecond') "
                        + "WHERE id = ? AND enabled AND (lease_until IS NULL OR lease_until < now() OR lease_owner = ?) "
                        + "RETURNING " + COLUMNS, ENDPOINT, node, leaseMs, id, node).stream().findFirst();
    }

    public void release(UUID id, String node) {
        jdbc.update("UPDATE webhook_endpoint SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                id, node);
    }

    /**
     * Remembers whether the endpoint answers: any success clears its failing time, a failure starts it if it was
     * not running. Answers since when it has been failing, or null.
     */
    public Instant recordHealth(UUID id, boolean anySuccess, boolean anyFailure, Instant now) {
        List<Instant> failingSince = jdbc.query("UPDATE webhook_endpoint SET failing_since = CASE "
                        + "WHEN ? THEN NULL WHEN ? THEN coalesce(failing_since, ?) ELSE failing_since END "
                        + "WHERE id = ? RETURNING failing_since",
                (rs, row) -> instant(rs.getTimestamp(1)), anySuccess, anyFailure, Timestamp.from(now), id);
        return failingSince.isEmpty() ? null : failingSince.getFirst();
    }

    /** Disables an endpoint that failed too long, once: true for the call that did it. */
    public boolean disableFailing(UUID id, String reason, Instant now) {
        return jdbc.update("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = ?, updated_at = ? "
                + "WHERE id = ? AND enabled", reason, Timestamp.from(now), id) == 1;
    }

    private static final RowMapper<Endpoint> ENDPOINT = (rs, row) -> new Endpoint(rs.getObject("id", UUID.class),
            rs.getString("owner"), rs.getString("url"), rs.getString("description"),
            Arrays.asList(texts(rs.getArray("event_types"))), rs.getString("secret"), rs.getString("previous_secret"),
            instant(rs.getTimestamp("previous_secret_expires_at")), rs.getBoolean("enabled"),
            rs.getString("disabled_reason"), rs.getLong("from_position"), instant(rs.getTimestamp("failing_since")),
            instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));

    private static String[] texts(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
