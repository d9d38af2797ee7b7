package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import com.mizani.query.ledger.CurrencySums;
import com.mizani.query.ledger.CurrencySums.CurrencySum;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Per currency, customer wallets plus system accounts must sum to zero ({@link CurrencySums}); when a currency is
 * off, the transactions whose postings do not cancel out name the rows that break it.
 */
@Component
public class ZeroSumCheck {

    private final CurrencySums currencySums;
    private final JdbcClient jdbc;

    public ZeroSumCheck(CurrencySums currencySums, JdbcClient jdbc) {
        this.currencySums = currencySums;
        this.jdbc = jdbc;
    }

    /**
     * A transaction whose postings in one currency do not cancel out. Every wallet event posts a balanced pair, so
     * such a transaction points at the rows that break the sum.
     */
    public record UnbalancedTransaction(UUID transactionId, String currency, List<String> accounts, String net) {
    }

    public record Result(List<CurrencySum> currencies, List<UnbalancedTransaction> unbalancedTransactions) {
        public long violations() {
            return currencies.stream().filter(sum -> !sum.balanced()).count();
        }
    }

    public Result check(int maxReported) {
        List<CurrencySum> currencies = currencySums.perCurrency();
        String[] unbalanced = currencies.stream().filter(sum -> !sum.balanced()).map(CurrencySum::currency)
                .toArray(String[]::new);
        return new Result(currencies, unbalanced.length == 0 ? List.of() : unbalancedTransactions(unbalanced, maxReported));
    }

    /** Only run when a currency is off, since it reads every entry of that currency. */
    private List<UnbalancedTransaction> unbalancedTransactions(String[] currencies, int maxReported) {
        return jdbc.sql("""
                        SELECT transaction_id, currency, array_agg(DISTINCT account ORDER BY account) AS accounts,
                               SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS net
                        FROM ledger_entry WHERE currency = ANY (?)
                        GROUP BY transaction_id, currency
                        HAVING SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) <> 0
                        ORDER BY MIN(occurred_at) LIMIT ?""")
                .params(currencies, maxReported)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new UnbalancedTransaction(rs.getObject("transaction_id", UUID.class), currency,
                            List.of((String[]) rs.getArray("accounts").getArray()),
                            Amounts.format(rs.getLong("net"), currency));
                })
                .list();
    }
}
