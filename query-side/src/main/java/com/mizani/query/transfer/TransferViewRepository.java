package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.TransferConvertedEvent;
import com.mizani.kernel.transfer.TransferFx;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.query.support.Columns;
import com.mizani.query.support.NewestFirst;
import com.mizani.query.support.NewestFirst.Condition;
import com.mizani.query.support.Volume;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.mizani.query.support.SqlTimes.utc;

/**
 * The {@code transfer_view} table: the only code that reads or writes it. {@link TransferProjection} writes it (in
 * batches); the transfer API and operations read it. {@code projected_at} is written from the database clock, for
 * the projection lag, and read by nothing here.
 * Named after its table: {@code transferRepository} is the bean of the Transfer aggregate's repository.
 */
@Component
public class TransferViewRepository {

    /** The width of {@code failure_reason}. */
    static final int REASON_WIDTH = 512;

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public TransferViewRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    // ---- writes (the projection's) ----------------------------------------------------------------------------

    /** Inserts each transfer once: a transfer that exists already is left as it is. */
    void insert(List<TransferViewRow> transfers) {
        if (transfers.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO transfer_view (transfer_id, source_wallet_id, destination_wallet_id, amount_minor,
                                           currency, status, requested_at, version, fx_quote_id, projected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                ON CONFLICT (transfer_id) DO NOTHING""", transfers.stream().map(t -> new Object[]{t.transferId(),
                t.sourceWalletId(), t.destinationWalletId(), t.amount().amountMinor(), t.amount().currency().name(),
                t.status().name(), utc(t.requestedAt()), t.version(), t.fxQuoteId()}).toList());
    }

    /** Records each conversion's terms; they never change, so applying one twice changes nothing. */
    void converted(List<TransferConvertedEvent> conversions) {
        if (conversions.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE transfer_view SET fx_rate = ?, fx_fee_minor = ?, fx_destination_minor = ?,
                                         fx_destination_currency = ?
                WHERE transfer_id = ?""", conversions.stream().map(c -> new Object[]{c.terms().rate(),
                c.terms().fee().amountMinor(), c.terms().destination().amountMinor(),
                c.terms().destination().currency().name(), c.transferId()}).toList());
    }

    /** Applies outcomes in order, each only over an older version of its row. */
    void finish(List<TransferChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE transfer_view SET status = ?, failure_code = ?, failure_reason = ?, finished_at = ?, version = ?,
                                         projected_at = clock_timestamp()
                WHERE transfer_id = ? AND version < ?""", changes.stream().map(c -> new Object[]{c.status().name(),
                c.failureCode() == null ? null : c.failureCode().name(), c.failureReason(), utc(c.finishedAt()),
                c.version(), c.transferId(), c.version()}).toList());
    }

    void clear() {
        jdbc.execute("TRUNCATE transfer_view");
    }

    // ---- reads ------------------------------------------------------------------------------------------------

    public Optional<TransferViewRow> find(UUID transferId) {
        return client.sql("SELECT * FROM transfer_view WHERE transfer_id = ?")
                .param(transferId)
                .query(TransferViewRepository::row)
                .optional();
    }

    /**
     * Transfers newest first, narrowed by each criterion given (null for any).
     *
     * @param walletId a wallet on either side
     */
    public List<TransferViewRow> newestFirst(TransferStatus status, UUID walletId, NewestFirst page) {
        return page.select(client, "SELECT * FROM transfer_view", "transfer_id", new Condition("status = ?", status),
                        new Condition("? IN (source_wallet_id, destination_wallet_id)", walletId))
                .query(TransferViewRepository::row)
                .list();
    }

    /** The transfers requested in [{@code from}, {@code to}), by status and currency; their type is TRANSFER. */
    public List<Volume> volumes(Instant from, Instant to) {
        return Volume.totals(client, "transfer_view", "'TRANSFER'", from, to);
    }

    /**
     * Like {@link #volumes}, by time bucket too.
     *
     * @see Volume#byBucket
     */
    public List<Volume> volumesByBucket(String bucket, Instant from, Instant to, int limit) {
        return Volume.byBucket(client, "transfer_view", "'TRANSFER'", bucket, from, to, limit);
    }

    /** Free text cut to the width of its column. */
    static String fitted(String reason) {
        return Columns.fitted(reason, REASON_WIDTH);
    }

    private static TransferViewRow row(ResultSet rs, int row) throws SQLException {
        CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
        String code = rs.getString("failure_code");
        Timestamp finished = rs.getTimestamp("finished_at");
        UUID quoteId = rs.getObject("fx_quote_id", UUID.class);
        String rate = rs.getString("fx_rate");
        TransferFx fx = rate == null ? null : fx(rs, quoteId, currency, rate);
        return new TransferViewRow(rs.getObject("transfer_id", UUID.class), rs.getObject("source_wallet_id", UUID.class),
                rs.getObject("destination_wallet_id", UUID.class), Money.of(rs.getLong("amount_minor"), currency),
                TransferStatus.valueOf(rs.getString("status")), code == null ? null : ErrorCode.valueOf(code),
                rs.getString("failure_reason"), rs.getTimestamp("requested_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getLong("version"), quoteId, fx);
    }

    private static TransferFx fx(ResultSet rs, UUID quoteId, CurrencyCode source, String rate) throws SQLException {
        CurrencyCode destination = CurrencyCode.valueOf(rs.getString("fx_destination_currency"));
        return new TransferFx(quoteId, rate, Money.format(rs.getLong("fx_fee_minor"), source), source.name(),
                Money.format(rs.getLong("fx_destination_minor"), destination), destination.name());
    }
}
