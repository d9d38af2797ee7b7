package com.mizani.query.invariants;

import com.mizani.query.support.Amounts;
import com.mizani.query.ledger.CurrencySums;
import com.mizani.query.ledger.CurrencySums.CurrencySum;
import com.mizani.query.ledger.LedgerEntryRepository;
import io.swagger.v3.oas.annotations.media.Schema;
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
    private final LedgerEntryRepository entries;

    public ZeroSumCheck(CurrencySums currencySums, LedgerEntryRepository entries) {
        this.currencySums = currencySums;
        this.entries = entries;
    }

    /**
     * A transaction whose postings in one currency do not cancel out. Every wallet event posts a balanced pair, so
     * such a transaction points at the rows that break the sum.
     */
    public record UnbalancedTransaction(UUID transactionId, String currency, List<String> accounts, String net) {
    }

    // Named apart: the OpenAPI document keeps one schema per simple name, and every check has a Result.
    @Schema(name = "ZeroSumResult")
    public record Result(List<CurrencySum> currencies, List<UnbalancedTransaction> unbalancedTransactions) {
        public long violations() {
            return currencies.stream().filter(sum -> !sum.balanced()).count();
        }
    }

    public Result check(int maxReported) {
        List<CurrencySum> currencies = currencySums.perCurrency();
        List<String> unbalanced = currencies.stream().filter(sum -> !sum.balanced()).map(CurrencySum::currency).toList();
        return new Result(currencies, unbalanced.isEmpty() ? List.of() : unbalancedTransactions(unbalanced, maxReported));
    }

    /** Only run when a currency is off, since it reads every entry of that currency. */
    private List<UnbalancedTransaction> unbalancedTransactions(List<String> currencies, int maxReported) {
        return entries.unbalancedTransactions(currencies, maxReported).stream()
                .map(net -> new UnbalancedTransaction(net.transactionId(), net.currency(), net.accounts(),
                        Amounts.format(net.netMinor(), net.currency())))
                .toList();
    }
}
