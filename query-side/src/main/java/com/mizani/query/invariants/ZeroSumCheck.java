package com.mizani.query.invariants;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Per currency, the customer wallets (their projected balances) plus the system accounts (credits minus debits of
 * their entries) must sum to zero. One statement reads both, and the ledger projection writes a wallet's balance
 * and its entries in one transaction, so a lagging projection never shows as a difference here.
 */
@Component
public class ZeroSumCheck {

    private final JdbcClient jdbc;

    public ZeroSumCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CurrencySum(String currency, String walletsTotal, String systemAccountsTotal, String sum,
                              boolean balanced) {
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
        List<CurrencySum> currencies = jdbc.sql("""
                        WITH wallets AS (
                            SELECT currency, SUM(available_minor + held_minor) AS total FROM wallet_view GROUP BY currency),
                        system AS (
                            SELECT currency, SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS total
                            FROM ledger_entry WHERE NOT is_wallet GROUP BY currency)
                        SELECT COALESCE(w.currency, s.currency) AS currency,
                               COALESCE(w.total, 0) AS wallets, COALESCE(s.total, 0) AS system
                        FROM wallets w FULL JOIN system s ON s.currency = w.currency
                        ORDER BY 1""")
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    long wallets = rs.getLong("wallets");
                    long system = rs.getLong("system");
                    return new CurrencySum(currency, Amounts.format(wallets, currency),
                            Amounts.format(system, currency), Amounts.format(wallets + system, currency),
                            wallets + system == 0);
                })
                .list();
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
