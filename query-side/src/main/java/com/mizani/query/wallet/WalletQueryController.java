package com.mizani.query.wallet;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletView;
import com.mizani.query.support.Instants;
import com.mizani.query.support.SqlTimes;
import com.mizani.query.support.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Wallet balances and ledger entries from the read model (eventually consistent with the commands). */
@RestController
@RequestMapping("/api/v1/wallets")
public class WalletQueryController {

    private final JdbcClient jdbc;

    public WalletQueryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/{walletId}")
    public WalletView wallet(@PathVariable UUID walletId) {
        return jdbc.sql("SELECT * FROM wallet_view WHERE wallet_id = ?")
                .param(walletId)
                .query((rs, row) -> WalletView.of(walletId, rs.getObject("owner_id", UUID.class),
                        CurrencyCode.valueOf(rs.getString("currency")), WalletStatus.valueOf(rs.getString("status")),
                        rs.getLong("available_minor"), rs.getLong("held_minor"), rs.getLong("version")))
                .optional()
                .orElseThrow(() -> new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist"));
    }

    public record BalanceView(UUID walletId, String currency, Instant asOf, String balance, Long sequence) {
    }

    /**
     * The wallet's balance (available plus held) as it stood at {@code asOf}, from its last entry at or before that
     * instant; now when {@code asOf} is omitted. Before its first entry a wallet's balance is zero.
     */
    @GetMapping("/{walletId}/balance")
    public BalanceView balance(@PathVariable UUID walletId, @RequestParam(required = false) String asOf) {
        // Entries keep their time to the microsecond; so does the instant they are compared with.
        Instant at = (asOf == null ? Instant.now() : Instants.parse("asOf", asOf)).truncatedTo(ChronoUnit.MICROS);
        CurrencyCode currency = CurrencyCode.valueOf(wallet(walletId).currency());
        return jdbc.sql("""
                        SELECT balance_after_minor, wallet_sequence FROM ledger_entry
                        WHERE is_wallet AND account = ? AND occurred_at <= ?
                        ORDER BY occurred_at DESC, wallet_sequence DESC LIMIT 1""")
                .params(walletId.toString(), SqlTimes.utc(at))
                .query((rs, row) -> new BalanceView(walletId, currency.name(), at,
                        Money.format(rs.getLong("balance_after_minor"), currency), rs.getLong("wallet_sequence")))
                .optional()
                .orElse(new BalanceView(walletId, currency.name(), at, Money.format(0, currency), null));
    }

    public record EntryView(long sequence, UUID transactionId, String kind, String direction, String amount,
                            String balanceAfter, String currency, String contraAccount, Instant occurredAt) {
    }

    /** Entries oldest first, paged by the wallet's event sequence. */
    @GetMapping("/{walletId}/entries")
    public Page<EntryView> entries(@PathVariable UUID walletId, @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        int pageSize = Page.checkedLimit(limit);
        long after = Page.decodeCursor(cursor);
        wallet(walletId);
        List<EntryView> rows = jdbc.sql("""
                        SELECT * FROM ledger_entry WHERE is_wallet AND account = ? AND wallet_sequence > ?
                        ORDER BY wallet_sequence LIMIT ?""")
                .params(walletId.toString(), after, pageSize + 1)
                .query((rs, row) -> {
                    CurrencyCode currency = CurrencyCode.valueOf(rs.getString("currency"));
                    return new EntryView(rs.getLong("wallet_sequence"), rs.getObject("transaction_id", UUID.class),
                            rs.getString("kind"), rs.getString("direction"),
                            Money.format(rs.getLong("amount_minor"), currency),
                            Money.format(rs.getLong("balance_after_minor"), currency), currency.name(),
                            rs.getString("contra_account"), rs.getTimestamp("occurred_at").toInstant());
                })
                .list();
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<EntryView> page = rows.subList(0, pageSize);
        return new Page<>(page, Page.encodeCursor(page.getLast().sequence()));
    }
}
