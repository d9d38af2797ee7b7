package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import com.mizani.query.support.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Money in {@code transit:<CCY>} is between the two legs of a transfer: a transaction whose transit postings do not
 * net to zero is in flight. A transfer's legs are normally milliseconds apart, so one still in flight after the
 * threshold is stuck (a saga that stopped, a credit that was never applied) and needs an operator.
 */
@Component
public class StuckTransitCheck {

    private final JdbcClient jdbc;

    public StuckTransitCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param amount what the transaction left in transit
     * @param since  when its first transit posting was made
     */
    public record InFlight(UUID transactionId, String currency, String amount, Instant since) {
    }

    /** @param count every stuck transaction, of which {@code transactions} lists the oldest */
    public record Result(long thresholdMs, long count, List<InFlight> transactions) {
    }

    public Result check(Instant now, Duration threshold, int maxReported) {
        // The LIKE matches the partial index of V8, which holds only transit postings. The window count is taken
        // over all stuck transactions, before the limit.
        List<Counted> stuck = jdbc.sql("""
                        SELECT transaction_id, currency, MIN(occurred_at) AS since, COUNT(*) OVER () AS stuck,
                               SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS net
                        FROM ledger_entry WHERE account LIKE 'transit:%'
                        GROUP BY transaction_id, currency
                        HAVING SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) <> 0
                           AND MIN(occurred_at) < ?
                        ORDER BY since, transaction_id LIMIT ?""")
                .params(SqlTimes.utc(now.minus(threshold)), maxReported)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new Counted(new InFlight(rs.getObject("transaction_id", UUID.class), currency,
                            Amounts.format(rs.getLong("net"), currency), rs.getTimestamp("since").toInstant()),
                            rs.getLong("stuck"));
                })
                .list();
        return new Result(threshold.toMillis(), stuck.isEmpty() ? 0 : stuck.getFirst().total(),
                stuck.stream().map(Counted::inFlight).toList());
    }

    private record Counted(InFlight inFlight, long total) {
    }
}
