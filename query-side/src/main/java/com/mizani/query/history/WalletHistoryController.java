package com.mizani.query.history;

import com.mizani.kernel.money.Money;
import com.mizani.query.support.Instants;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** What a wallet's events alone say, for auditors: its balance at any instant, and whether its entries are intact. */
@RestController
@RequestMapping("/api/v1/audit/wallets/{walletId}")
public class WalletHistoryController {

    private final WalletEventLog eventLog;
    private final ChainVerifier chainVerifier;

    public WalletHistoryController(WalletEventLog eventLog, ChainVerifier chainVerifier) {
        this.eventLog = eventLog;
        this.chainVerifier = chainVerifier;
    }

    /** Same shape as {@code GET /api/v1/wallets/{id}/balance}, so the two can be compared field by field. */
    public record ReplayedBalanceView(UUID walletId, String currency, Instant asOf, String balance, Long sequence,
                                      int eventsRead) {
    }

    @GetMapping("/replay")
    public ReplayedBalanceView replay(@PathVariable UUID walletId, @RequestParam(required = false) String asOf) {
        Instant at = (asOf == null ? Instant.now() : Instants.parse("asOf", asOf)).truncatedTo(ChronoUnit.MICROS);
        ReplayedBalance balance = ReplayedBalance.of(walletId, eventLog.eventsOf(walletId), at);
        return new ReplayedBalanceView(walletId, balance.currency().name(), at,
                Money.format(balance.balanceMinor(), balance.currency()), balance.lastEntrySequence(),
                balance.eventsRead());
    }

    @GetMapping("/chain")
    public ChainVerification chain(@PathVariable UUID walletId) {
        return chainVerifier.verify(walletId);
    }
}
