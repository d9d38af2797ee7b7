package com.mizani.query.ledger;

import com.mizani.query.support.Amounts;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Per currency, the customer wallets (their projected balances) plus the system accounts (credits minus debits of
 * their entries), which must sum to zero. One statement reads both, and the ledger projection writes a wallet's
 * balance and its entries in one transaction, so a lagging projection never shows as a difference here.
 */
@Component
public class CurrencySums {

    private final LedgerEntryRepository entries;

    public CurrencySums(LedgerEntryRepository entries) {
        this.entries = entries;
    }

    public record CurrencySum(String currency, String walletsTotal, String systemAccountsTotal, String sum,
                              boolean balanced) {
    }

    public List<CurrencySum> perCurrency() {
        return entries.currencyTotals().stream().map(totals -> {
            String currency = totals.currency();
            long wallets = totals.walletsMinor();
            long system = totals.systemAccountsMinor();
            return new CurrencySum(currency, Amounts.format(wallets, currency), Amounts.format(system, currency),
                    Amounts.format(wallets + system, currency), wallets + system == 0);
        }).toList();
    }
}
