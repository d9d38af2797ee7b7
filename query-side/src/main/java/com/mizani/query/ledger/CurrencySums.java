package com.mizani.query.ledger;

import com.mizani.query.support.Amounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Per currency, the customer wallets (their projected balances) plus the system accounts (credits minus debits of
 * their entries), which must sum to zero. One statement reads both, and the ledger projection writes a wallet's
 * balance and its entries in one transaction, so a lagging projection never shows as a difference here.
 */
@Component
public class CurrencySums {

    private final JdbcClient jdbc;

    public CurrencySums(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CurrencySum(String currency, String walletsTotal, String systemAccountsTotal, String sum,
                              boolean balanced) {
    }

    public List<CurrencySum> perCurrency() {
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
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    long wallets = rs.getLong("wallets");
                    long system = rs.getLong("system");
                    return new CurrencySum(currency, Amounts.format(wallets, currency),
                            Amounts.format(system, currency), Amounts.format(wallets + system, currency),
                            wallets + system == 0);
                })
                .list();
    }
}
