package com.mizani.query.wallet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The only SQL on {@code wallet_view}: the ledger projection's batched writes, and the reads of the wallet
 * endpoints and the invariant checks. Writes are idempotent: a row is created once and only moves forward in its
 * wallet's sequence.
 */
@Repository
public class WalletViewRepository {

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;

    public WalletViewRepository(JdbcTemplate jdbc) {
        this.batches = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /**
     * What a batch of events changed in one wallet. A null field was not touched and keeps its stored value; the
     * update applies only to a row older than {@code version}, so a redelivered batch changes nothing.
     */
    public record Update(UUID walletId, String status, Long availableMinor, Long heldMinor, long version,
                         Instant updatedAt, String lastEntryHash) {
    }

    public Optional<WalletViewRow> find(UUID walletId) {
        return jdbc.sql("SELECT * FROM wallet_view WHERE wallet_id = ?").param(walletId)
                .query(WalletViewRepository::row).optional();
    }

    /** The rows of those wallets that have one, in no particular order. */
    public List<WalletViewRow> findAll(Collection<UUID> walletIds) {
        if (walletIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM wallet_view WHERE wallet_id = ANY (?)").param(walletIds.toArray(UUID[]::new))
                .query(WalletViewRepository::row).list();
    }

    /** An owner's wallets by id, after {@code cursor} (from the first with null). */
    public List<WalletViewRow> ofOwner(UUID ownerId, UUID cursor, int limit) {
        return jdbc.sql("""
                        SELECT * FROM wallet_view WHERE owner_id = ? AND (?::uuid IS NULL OR wallet_id > ?::uuid)
                        ORDER BY wallet_id LIMIT ?""")
                .params(ownerId, cursor, cursor, limit)
                .query(WalletViewRepository::row).list();
    }

    /** Wallets by id, after {@code cursor} (from the first with null). */
    public List<WalletViewRow> after(UUID cursor, int limit) {
        return jdbc.sql("SELECT * FROM wallet_view WHERE ?::uuid IS NULL OR wallet_id > ?::uuid ORDER BY wallet_id LIMIT ?")
                .params(cursor, cursor, limit)
                .query(WalletViewRepository::row).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_view").query(Long.class).single();
    }

    /** Wallets whose available or held balance is below zero. */
    public long countNegative() {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_view WHERE available_minor < 0 OR held_minor < 0")
                .query(Long.class).single();
    }

    /** The first negative wallets by id. */
    public List<WalletViewRow> negative(int limit) {
        return jdbc.sql("SELECT * FROM wallet_view WHERE available_minor < 0 OR held_minor < 0 ORDER BY wallet_id LIMIT ?")
                .param(limit)
                .query(WalletViewRepository::row).list();
    }

    /** Creates the rows of wallets that have none; an existing row is left as it is. One round trip. */
    public void insertIfAbsent(List<WalletViewRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                INSERT INTO wallet_view (wallet_id, owner_id, currency, status, available_minor, held_minor,
                                         version, opened_at, updated_at, last_entry_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (wallet_id) DO NOTHING""", rows, rows.size(), WalletViewRepository::bindInsert);
    }

    /** Applies each update to its wallet's row if the row is older. One round trip. */
    public void update(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                UPDATE wallet_view SET status = COALESCE(?, status), available_minor = COALESCE(?, available_minor),
                                       held_minor = COALESCE(?, held_minor), version = ?, updated_at = ?,
                                       last_entry_hash = COALESCE(?, last_entry_hash)
                WHERE wallet_id = ? AND version < ?""", updates, updates.size(), WalletViewRepository::bindUpdate);
    }

    /** Empties the view, for a replay that rebuilds it from the first event. */
    public void truncate() {
        batches.execute("TRUNCATE wallet_view");
    }

    private static void bindInsert(PreparedStatement insert, WalletViewRow row) throws SQLException {
        insert.setObject(1, row.walletId());
        insert.setObject(2, row.ownerId());
        insert.setString(3, row.currency());
        insert.setString(4, row.status());
        insert.setLong(5, row.availableMinor());
        insert.setLong(6, row.heldMinor());
        insert.setLong(7, row.version());
        insert.setObject(8, utc(row.openedAt()));
        insert.setObject(9, utc(row.updatedAt()));
        insert.setString(10, row.lastEntryHash());
    }

    private static void bindUpdate(PreparedStatement update, Update change) throws SQLException {
        update.setString(1, change.status());
        update.setObject(2, change.availableMinor(), Types.BIGINT);
        update.setObject(3, change.heldMinor(), Types.BIGINT);
        update.setLong(4, change.version());
        update.setObject(5, utc(change.updatedAt()));
        update.setString(6, change.lastEntryHash());
        update.setObject(7, change.walletId());
        update.setLong(8, change.version());
    }

    private static WalletViewRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new WalletViewRow(rs.getObject("wallet_id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("currency"), rs.getString("status"), rs.getLong("available_minor"),
                rs.getLong("held_minor"), rs.getLong("version"), rs.getTimestamp("opened_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("last_entry_hash"));
    }
}
