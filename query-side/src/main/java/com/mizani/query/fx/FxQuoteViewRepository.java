package com.mizani.query.fx;

import com.mizani.kernel.fx.FxQuoteExpiredEvent;
import com.mizani.kernel.fx.FxQuoteIssuedEvent;
import com.mizani.kernel.fx.FxQuoteOutcome;
import com.mizani.kernel.fx.FxQuoteStatus;
import com.mizani.kernel.fx.FxQuoteUsedEvent;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
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
 * The {@code fx_quote_view} table: the only code that reads or writes it. {@link FxQuoteProjection} writes it; the
 * quote API reads it. Status changes apply only over an older version of the row, so a replayed batch changes nothing.
 */
@Component
public class FxQuoteViewRepository {

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    public FxQuoteViewRepository(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    record Issued(FxQuoteIssuedEvent event, Instant at, long version) {
    }

    record Changed(UUID quoteId, FxQuoteStatus status, UUID transferId, Instant at, long version) {

        static Changed used(FxQuoteUsedEvent event, Instant at, long version) {
            return new Changed(event.quoteId(), FxQuoteStatus.USED, event.transferId(), at, version);
        }

        static Changed expired(FxQuoteExpiredEvent event, long version) {
            return new Changed(event.quoteId(), FxQuoteStatus.EXPIRED, null, null, version);
        }
    }

    void insert(List<Issued> quotes) {
        if (quotes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO fx_quote_view (quote_id, principal, source_currency, source_minor, fee_minor,
                                           destination_currency, destination_minor, rate, spread_bps, rate_as_of,
                                           rate_source, issued_at, expires_at, status, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                ON CONFLICT (quote_id) DO NOTHING""", quotes.stream().map(q -> {
            FxQuoteIssuedEvent e = q.event();
            FxTerms t = e.terms();
            return new Object[]{e.quoteId(), e.principal(), t.source().currency().name(), t.source().amountMinor(),
                    t.fee().amountMinor(), t.destination().currency().name(), t.destination().amountMinor(), t.rate(),
                    t.spreadBps(), utc(e.rateAsOf()), e.rateSource(), utc(q.at()), utc(e.expiresAt()), q.version()};
        }).toList());
    }

    void change(List<Changed> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE fx_quote_view SET status = ?, transfer_id = coalesce(?, transfer_id),
                                         used_at = coalesce(?, used_at), version = ?
                WHERE quote_id = ? AND version < ?""", changes.stream().map(c -> new Object[]{c.status().name(),
                c.transferId(), c.at() == null ? null : utc(c.at()), c.version(), c.quoteId(), c.version()}).toList());
    }

    void clear() {
        jdbc.execute("TRUNCATE fx_quote_view");
    }

    /** The quote, if it was issued to {@code principal}: another principal's quote is not found. */
    public Optional<FxQuoteOutcome> findOf(UUID quoteId, String principal) {
        return client.sql("SELECT * FROM fx_quote_view WHERE quote_id = ? AND principal = ?")
                .params(quoteId, principal)
                .query(FxQuoteViewRepository::row)
                .optional();
    }

    private static FxQuoteOutcome row(ResultSet rs, int row) throws SQLException {
        CurrencyCode source = CurrencyCode.valueOf(rs.getString("source_currency"));
        CurrencyCode destination = CurrencyCode.valueOf(rs.getString("destination_currency"));
        FxTerms terms = new FxTerms(Money.of(rs.getLong("source_minor"), source), Money.of(rs.getLong("fee_minor"), source),
                Money.of(rs.getLong("destination_minor"), destination), rs.getString("rate"), rs.getInt("spread_bps"));
        Timestamp usedAt = rs.getTimestamp("used_at");
        return new FxQuoteOutcome(rs.getObject("quote_id", UUID.class), rs.getString("principal"), terms,
                FxQuoteStatus.valueOf(rs.getString("status")), rs.getTimestamp("issued_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("rate_as_of").toInstant(),
                rs.getString("rate_source"), rs.getObject("transfer_id", UUID.class),
                usedAt == null ? null : usedAt.toInstant());
    }
}
