package com.mizani.query.ledger;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.mizani.query.ledger.CurrencySums.CurrencySum;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Transactions with all their postings, and the zero-sum check of the whole ledger. */
@RestController
public class LedgerQueryController {

    /** A transaction has at most a handful of postings; the bound only guards the response size. */
    private static final int MAX_POSTINGS = 1000;

    private final JdbcClient jdbc;
    private final CurrencySums currencySums;

    public LedgerQueryController(JdbcClient jdbc, CurrencySums currencySums) {
        this.jdbc = jdbc;
        this.currencySums = currencySums;
    }

    public record PostingView(String account, String direction, String amount, String currency, String kind,
                              String balanceAfter, String contraAccount, Instant occurredAt) {
    }

    public record TransactionView(UUID transactionId, List<PostingView> postings, boolean balanced) {
    }

    @GetMapping("/api/v1/transactions/{transactionId}")
    public TransactionView transaction(@PathVariable UUID transactionId) {
        Map<String, Long> sums = new TreeMap<>();
        List<PostingView> postings = jdbc.sql("SELECT * FROM ledger_entry WHERE transaction_id = ? ORDER BY event_position, posting_index LIMIT ?")
                .params(transactionId, MAX_POSTINGS)
                .query((rs, row) -> {
                    CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
                    long amount = rs.getLong("amount_minor");
                    sums.merge(currency.name(), Direction.valueOf(rs.getString("direction")).signed(amount), Long::sum);
                    long balanceAfter = rs.getLong("balance_after_minor");
                    return new PostingView(rs.getString("account"), rs.getString("direction"),
                            Money.format(amount, currency), currency.name(), rs.getString("kind"),
                            rs.wasNull() ? null : Money.format(balanceAfter, currency), rs.getString("contra_account"),
                            rs.getTimestamp("occurred_at").toInstant());
                })
                .list();
        if (postings.isEmpty()) {
            throw new MizaniException(ErrorCode.TRANSACTION_NOT_FOUND, "no postings for transaction " + transactionId);
        }
        return new TransactionView(transactionId, postings, sums.values().stream().allMatch(sum -> sum == 0));
    }

    public record LedgerVerification(boolean balanced, List<CurrencySum> currencies, long negativeWallets,
                                     long walletsNotMatchingEntries, Instant checkedAt) {
    }

    /**
     * Per currency, the wallet balances (from the balance view) plus the system accounts (from their entries)
     * must sum to zero. Also counts wallets below zero and wallets whose balance differs from their entries.
     */
    @GetMapping("/api/v1/ledger/verify")
    public LedgerVerification verify() {
        List<CurrencySum> currencies = currencySums.perCurrency();
        long negative = jdbc.sql("SELECT COUNT(*) FROM wallet_view WHERE available_minor < 0 OR held_minor < 0")
                .query(Long.class).single();
        long mismatched = jdbc.sql("""
                        SELECT COUNT(*) FROM wallet_view w
                        LEFT JOIN (SELECT account, SUM(CASE direction WHEN 'CREDIT' THEN amount_minor ELSE -amount_minor END) AS total
                                   FROM ledger_entry WHERE is_wallet GROUP BY account) e ON e.account = w.wallet_id::text
                        WHERE w.available_minor + w.held_minor <> COALESCE(e.total, 0)""")
                .query(Long.class).single();
        boolean balanced = currencies.stream().allMatch(CurrencySum::balanced) && negative == 0 && mismatched == 0;
        return new LedgerVerification(balanced, currencies, negative, mismatched, Instant.now());
    }
}
