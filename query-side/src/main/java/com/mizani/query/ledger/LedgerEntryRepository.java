package com.mizani.query.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The only SQL on {@code ledger_entry}: the ledger projection's batched inserts, and the reads of the wallet,
 * statement and transaction endpoints, the chain verifier and the invariant checks. Entries are unique per (event,
 * account), so inserting a redelivered event's entries again adds nothing.
 * <p>
 * Two reads also read {@code wallet_view} ({@link #currencyTotals()}, {@link #walletsNotMatchingEntries()}): they
 * reconcile the entries with the balances the same projection writes with them, per wallet, in one statement and so
 * at one instant, where a lagging projection never shows as a difference.
 */
@Repository
public class LedgerEntryRepository {

    private final JdbcTemplate batches;
    private final JdbcClient jdbc;

    public LedgerEntryRepository(JdbcTemplate jdbc) {
        this.batches = jdbc;
        this.jdbc = JdbcClient.create(jdbc);
    }

    /** Per currency, the customer wallets' projected balances and the system accounts' credits minus debits. */
    public record CurrencyTotals(String currency, long walletsMinor, long systemAccountsMinor) {
    }

    /** A transaction's net (credits minus debits) in one currency over the accounts it posted to. */
    public record TransactionNet(UUID transactionId, String currency, List<String> accounts, long netMinor) {
    }

    /** A transaction that left {@code netMinor} in a transit account, since its first transit posting. */
    public record InTransit(UUID transactionId, String currency, long netMinor, Instant since) {
    }

    /** @param count every such transaction, of which {@code oldest} lists the first few */
    public record InTransitSince(long count, List<InTransit> oldest) {
    }

    /** Adds the rows not stored yet; a row of an (event, account) already there is skipped. One round trip. */
    public void insertIfAbsent(List<LedgerEntryRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batches.batchUpdate("""
                INSERT INTO ledger_entry (account, is_wallet, currency, transaction_id, kind, direction,
                                          amount_minor, balance_after_minor, contra_account, occurred_at,
                                          event_id, event_position, posting_index, wallet_sequence, entry_hash,
                                          fx_quote_id, fx_rate)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id, account) DO NOTHING""", rows, rows.size(), LedgerEntryRepository::bind);
    }

    /** Empties the entries, for a replay that rebuilds them from the first event. */
    public void truncate() {
        batches.execute("TRUNCATE ledger_entry");
    }

    /** A transaction's postings as they happened: by event position, the wallet's side before the contra side. */
    public List<LedgerEntryRow> ofTransaction(UUID transactionId, int limit) {
        return jdbc.sql("SELECT * FROM ledger_entry WHERE transaction_id = ? ORDER BY event_position, posting_index LIMIT ?")
                .params(transactionId, limit)
                .query(LedgerEntryRepository::row).list();
    }

    /** A wallet's own entries after {@code afterSequence} in the wallet's order. */
    public List<LedgerEntryRow> walletEntriesAfter(UUID walletId, long afterSequence, int limit) {
        return jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE is_wallet AND account = ? AND wallet_sequence > ?
                        ORDER BY wallet_sequence LIMIT ?""")
                .params(walletId.toString(), afterSequence, limit)
                .query(LedgerEntryRepository::row).list();
    }

    /**
     * A wallet's own entries and the system accounts' sides of {@code eventIds}, read in one statement: one
     * snapshot, so that a projection batch committing meanwhile is seen whole or not at all (two reads could see a
     * posting's contra side without its wallet side, and take that for a gap).
     */
    public List<LedgerEntryRow> chainOf(UUID walletId, List<String> eventIds) {
        return jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE is_wallet AND account = ?
                        UNION ALL
                        SELECT * FROM ledger_entry WHERE event_id = ANY (?) AND NOT is_wallet
                        ORDER BY is_wallet DESC, wallet_sequence, event_id, posting_index""")
                .params(walletId.toString(), eventIds.toArray(String[]::new))
                .query(LedgerEntryRepository::row).list();
    }

    /** A wallet's own entries in [from, to), in the wallet's order. */
    public List<LedgerEntryRow> walletEntriesBetween(UUID walletId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE is_wallet AND account = ? AND occurred_at >= ? AND occurred_at < ?
                        ORDER BY wallet_sequence LIMIT ?""")
                .params(walletId.toString(), utc(from), utc(to), limit)
                .query(LedgerEntryRepository::row).list();
    }

    /** The wallet's last entry at or before the instant (its balance then), if it had one. */
    public Optional<LedgerEntryRow> lastWalletEntryAtOrBefore(UUID walletId, Instant at) {
        return jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE is_wallet AND account = ? AND occurred_at <= ?
                        ORDER BY occurred_at DESC, wallet_sequence DESC LIMIT 1""")
                .params(walletId.toString(), utc(at))
                .query(LedgerEntryRepository::row).optional();
    }

    /** The wallet's last entry strictly before the instant, if it had one. */
    public Optional<LedgerEntryRow> lastWalletEntryBefore(UUID walletId, Instant instant) {
        return jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE is_wallet AND account = ? AND occurred_at < ?
                        ORDER BY occurred_at DESC, wallet_sequence DESC LIMIT 1""")
                .params(walletId.toString(), utc(instant))
                .query(LedgerEntryRepository::row).optional();
    }

    /** An account's credits minus debits over all its entries; zero without any. */
    public long accountBalanceMinor(String account) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(CASE WHEN direction = 'CREDIT' THEN amount_minor ELSE -amount_minor END), 0)
                        FROM ledger_entry WHERE account = ?""")
                .param(account)
                .query(Long.class)
                .single();
    }

    /**
     * What {@code account} moved for each of {@code transactionIds} that it has entries for, as credits minus debits:
     * for a provider's settlement account, what our books say the provider paid out for each payment, captures and
     * approved corrections together.
     */
    public Map<UUID, Long> accountMovementByTransaction(String account, Collection<UUID> transactionIds) {
        Map<UUID, Long> moved = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return moved;
        }
        jdbc.sql("""
                        SELECT transaction_id,
                               SUM(CASE WHEN direction = 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS moved
                        FROM ledger_entry WHERE account = ? AND transaction_id = ANY(?) GROUP BY transaction_id""")
                .params(account, transactionIds.toArray(UUID[]::new))
                .query((rs, row) -> moved.put(rs.getObject("transaction_id", UUID.class), rs.getLong("moved")))
                .list();
        return moved;
    }

    /** Per currency (in order), the wallets' total from wallet_view and the system accounts' from their entries. */
    public List<CurrencyTotals> currencyTotals() {
        return jdbc.sql("""
                        WITH wallets AS (
                            SELECT currency, SUM(available_minor + held_minor) AS total FROM wallet_view GROUP BY currency),
                        system AS (
                            SELECT currency, SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS total
                            FROM ledger_entry WHERE NOT is_wallet GROUP BY currency)
                        SELECT COALESCE(w.currency, s.currency) AS currency,
                               COALESCE(w.total, 0) AS wallets, COALESCE(s.total, 0) AS system
                        FROM wallets w FULL JOIN system s ON s.currency = w.currency
                        ORDER BY 1""")
                .query((rs, row) -> new CurrencyTotals(rs.getString("currency"), rs.getLong("wallets"),
                        rs.getLong("system")))
                .list();
    }

    /** Wallets whose balance in wallet_view differs from the credits minus debits of their entries. */
    public long walletsNotMatchingEntries() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM wallet_view w
                        LEFT JOIN (SELECT account, SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS total
                                   FROM ledger_entry WHERE is_wallet GROUP BY account) e ON e.account = w.wallet_id::text
                        WHERE w.available_minor + w.held_minor <> COALESCE(e.total, 0)""")
                .query(Long.class).single();
    }

    /** Transactions whose postings in one of the currencies do not cancel out, oldest first. Reads every entry of them. */
    public List<TransactionNet> unbalancedTransactions(List<String> currencies, int limit) {
        return jdbc.sql("""
                        SELECT transaction_id, currency, array_agg(DISTINCT account ORDER BY account) AS accounts,
                               SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS net
                        FROM ledger_entry WHERE currency = ANY (?)
                        GROUP BY transaction_id, currency
                        HAVING SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) <> 0
                        ORDER BY MIN(occurred_at) LIMIT ?""")
                .params(currencies.toArray(String[]::new), limit)
                .query((rs, row) -> new TransactionNet(rs.getObject("transaction_id", UUID.class),
                        rs.getString("currency"), List.of((String[]) rs.getArray("accounts").getArray()),
                        rs.getLong("net")))
                .list();
    }

    /**
     * Transactions whose postings on {@code transit:<CCY>} accounts do not net to zero and whose first such posting
     * is older than {@code before}: the count of all, and the oldest few.
     */
    public InTransitSince inTransitSince(Instant before, int limit) {
        // The LIKE matches the partial index of V8, which holds only transit postings. The window count is taken
        // over all such transactions, before the limit.
        List<Counted> rows = jdbc.sql("""
                        SELECT transaction_id, currency, MIN(occurred_at) AS since, COUNT(*) OVER () AS stuck,
                               SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS net
                        FROM ledger_entry WHERE account LIKE 'transit:%'
                        GROUP BY transaction_id, currency
                        HAVING SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) <> 0
                           AND MIN(occurred_at) < ?
                        ORDER BY since, transaction_id LIMIT ?""")
                .params(utc(before), limit)
                .query((rs, row) -> new Counted(new InTransit(rs.getObject("transaction_id", UUID.class),
                        rs.getString("currency"), rs.getLong("net"), rs.getTimestamp("since").toInstant()),
                        rs.getLong("stuck")))
                .list();
        return new InTransitSince(rows.isEmpty() ? 0 : rows.getFirst().total(), rows.stream().map(Counted::inTransit).toList());
    }

    private record Counted(InTransit inTransit, long total) {
    }

    private static void bind(PreparedStatement insert, LedgerEntryRow row) throws SQLException {
        insert.setString(1, row.account());
        insert.setBoolean(2, row.isWallet());
        insert.setString(3, row.currency());
        insert.setObject(4, row.transactionId());
        insert.setString(5, row.kind());
        insert.setString(6, row.direction());
        insert.setLong(7, row.amountMinor());
        insert.setObject(8, row.balanceAfterMinor(), Types.BIGINT);
        insert.setString(9, row.contraAccount());
        insert.setObject(10, utc(row.occurredAt()));
        insert.setString(11, row.eventId());
        insert.setLong(12, row.eventPosition());
        insert.setInt(13, row.postingIndex());
        insert.setObject(14, row.walletSequence(), Types.BIGINT);
        insert.setString(15, row.entryHash());
        insert.setObject(16, row.fxQuoteId());
        insert.setString(17, row.fxRate());
    }

    private static LedgerEntryRow row(ResultSet rs, int rowNumber) throws SQLException {
        return new LedgerEntryRow(rs.getString("account"), rs.getBoolean("is_wallet"), rs.getString("currency"),
                rs.getObject("transaction_id", UUID.class), rs.getString("kind"), rs.getString("direction"),
                rs.getLong("amount_minor"), rs.getObject("balance_after_minor", Long.class),
                rs.getString("contra_account"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("event_id"),
                rs.getLong("event_position"), rs.getInt("posting_index"), rs.getObject("wallet_sequence", Long.class),
                rs.getString("entry_hash"), rs.getObject("fx_quote_id", UUID.class), rs.getString("fx_rate"));
    }
}
