package com.mizani.query.history;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.money.Money;
import com.mizani.query.support.Instants;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Audit")
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

    @Operation(operationId = "replayWalletBalance", summary = "Replay a wallet's balance from its events",
            description = "The wallet's balance at asOf (now without it), computed from the wallet's own events in "
                    + "the event store, from the first one, adding up their amounts without trusting any projection, "
                    + "snapshot or running balance. The answer has the same shape as GET /api/v1/wallets/{walletId}/"
                    + "balance, plus how many events were read, so the two can be compared field by field. Current "
                    + "as of the request; for auditors and operators.")
    @Refuses({ErrorCode.VALIDATION_FAILED, ErrorCode.WALLET_NOT_FOUND})
    @GetMapping("/replay")
    public ReplayedBalanceView replay(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
                                              format = "uuid")) @PathVariable UUID walletId,
                                      @Parameter(description = "The instant (ISO-8601, years 1 to 9999) to give the "
                                              + "balance at; now when absent.", schema = @Schema(type = "string",
                                              format = "date-time")) @RequestParam(required = false) String asOf) {
        Instant at = (asOf == null ? Instant.now() : Instants.parse("asOf", asOf)).truncatedTo(ChronoUnit.MICROS);
        ReplayedBalance balance = ReplayedBalance.of(walletId, eventLog.eventsOf(walletId), at);
        return new ReplayedBalanceView(walletId, balance.currency().name(), at,
                Money.format(balance.balanceMinor(), balance.currency()), balance.lastEntrySequence(),
                balance.eventsRead());
    }

    @Operation(operationId = "verifyWalletChain", summary = "Verify a wallet's hash chain",
            description = "Recomputes the wallet's ledger entries and their SHA-256 hash chain from its events and "
                    + "compares them field by field with the stored entries, both sides of every posting. The answer "
                    + "says whether the chain is valid, how many entries matched, and the first difference (the "
                    + "field, or missing, or unexpected, with both values) when one is found. For auditors and "
                    + "operators.")
    @Refuses({ErrorCode.WALLET_NOT_FOUND})
    @GetMapping("/chain")
    public ChainVerification chain(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID walletId) {
        return chainVerifier.verify(walletId);
    }
}
