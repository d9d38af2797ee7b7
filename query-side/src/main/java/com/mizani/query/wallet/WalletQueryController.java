package com.mizani.query.wallet;

import com.mizani.query.ledger.LedgerProjection;
import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletView;
import com.mizani.query.ledger.LedgerEntryRepository;
import com.mizani.query.support.Instants;
import com.mizani.query.support.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
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

    private final WalletViewRepository wallets;
    private final LedgerEntryRepository entries;

    public WalletQueryController(WalletViewRepository wallets, LedgerEntryRepository entries) {
        this.wallets = wallets;
        this.entries = entries;
    }

    @Operation(operationId = "listWallets", summary = "List an owner's wallets", tags = "Wallets",
            description = "The wallets of one owner, by id, with their balances as GET /api/v1/wallets/{walletId} "
                    + "shows them, a page at a time: pass nextCursor for the next page (null on the last). Readers "
                    + "list any owner's; a customer only its own, another ownerId answering 403.")
    @Refuses({ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_CURSOR})
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping
    public Page<WalletView> walletsOf(@Parameter(description = "The owner whose wallets to list.", required = true,
                                              schema = @Schema(type = "string", format = "uuid"))
                                      @RequestParam(required = false) UUID ownerId,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor) {
        if (ownerId == null) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "ownerId is required");
        }
        int pageSize = Page.checkedLimit(limit);
        List<WalletView> rows = wallets.ofOwner(ownerId, Page.decodeIdCursor(cursor), pageSize + 1).stream()
                .map(WalletQueryController::view).toList();
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<WalletView> page = rows.subList(0, pageSize);
        return new Page<>(page, Page.encodeIdCursor(page.getLast().walletId()));
    }

    // The wallet is the Wallets resource; its balance and entries are the ledger's: tagged per operation.
    @Operation(operationId = "getWallet", summary = "Get a wallet", tags = "Wallets",
            description = "The wallet with its owner, currency, status (ACTIVE, FROZEN, CLOSED) and balances: "
                    + "available, held (reserved for payouts under way) and their total, with the version (the "
                    + "wallet's event sequence) they were read at. Read from the read model, which follows the "
                    + "commands within milliseconds. Readers see any wallet; a customer only its own, another owner's "
                    + "answering 404 as if it did not exist.")
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping("/{walletId}")
    public WalletView wallet(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID walletId) {
        return wallets.find(walletId)
                .map(WalletQueryController::view)
                .orElseThrow(() -> new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist"));
    }

    public record BalanceView(UUID walletId, String currency, Instant asOf, String balance, Long sequence) {
    }

    /**
     * The wallet's balance (available plus held) as it stood at {@code asOf}, from its last entry at or before that
     * instant; now when {@code asOf} is omitted. Before its first entry a wallet's balance is zero.
     */
    @Operation(operationId = "getWalletBalance", summary = "Get a wallet's balance, now or at an instant",
            tags = "Ledger",
            description = "The wallet's balance (available plus held) as it stood at asOf, or now without it: the "
                    + "running balance of its last ledger entry at or before that instant, zero before its first, "
                    + "with that entry's sequence. Times are compared to the microsecond. Read from the ledger read "
                    + "model, which follows the commands within milliseconds; GET /api/v1/audit/wallets/{walletId}/"
                    + "replay computes the same from the events alone. A customer may read its own wallets only.")
    @Refuses({ErrorCode.VALIDATION_FAILED})
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping("/{walletId}/balance")
    public BalanceView balance(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
                                       format = "uuid")) @PathVariable UUID walletId,
                               @Parameter(description = "The instant (ISO-8601, years 1 to 9999) to give the balance "
                                       + "at; now when absent.", schema = @Schema(type = "string",
                                       format = "date-time")) @RequestParam(required = false) String asOf) {
        // Entries keep their time to the microsecond; so does the instant they are compared with.
        Instant at = (asOf == null ? Instant.now() : Instants.parse("asOf", asOf)).truncatedTo(ChronoUnit.MICROS);
        CurrencyCode currency = CurrencyCode.valueOf(wallet(walletId).currency());
        return entries.lastWalletEntryAtOrBefore(walletId, at)
                .map(entry -> new BalanceView(walletId, currency.name(), at,
                        Money.format(entry.balanceAfterMinor(), currency), entry.walletSequence()))
                .orElse(new BalanceView(walletId, currency.name(), at, Money.format(0, currency), null));
    }

    /** {@code fxQuoteId} and {@code fxRate} are set on a leg of a cross-currency transfer only. */
    public record EntryView(long sequence, UUID transactionId, String kind, String direction, String amount,
                            String balanceAfter, String currency, String contraAccount, Instant occurredAt,
                            UUID fxQuoteId, String fxRate) {
    }

    /** Entries oldest first, paged by the wallet's event sequence. */
    @Operation(operationId = "listWalletEntries", summary = "List a wallet's ledger entries", tags = "Ledger",
            description = "The wallet's ledger entries, oldest first, each with its transaction, kind, direction, "
                    + "amount, running balance after it and contra account, a page at a time: pass nextCursor for "
                    + "the next page (null on the last). Read from the ledger read model, which follows the commands "
                    + "within milliseconds. A customer may list its own wallets' entries only.")
    @Refuses({ErrorCode.INVALID_CURSOR})
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping("/{walletId}/entries")
    public Page<EntryView> entries(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
                                           format = "uuid")) @PathVariable UUID walletId,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String cursor) {
        int pageSize = Page.checkedLimit(limit);
        long after = Page.decodeCursor(cursor);
        wallet(walletId);
        List<EntryView> rows = entries.walletEntriesAfter(walletId, after, pageSize + 1).stream().map(entry -> {
            CurrencyCode currency = CurrencyCode.valueOf(entry.currency());
            return new EntryView(entry.walletSequence(), entry.transactionId(), entry.kind(), entry.direction(),
                    Money.format(entry.amountMinor(), currency), Money.format(entry.balanceAfterMinor(), currency),
                    currency.name(), entry.contraAccount(), entry.occurredAt(), entry.fxQuoteId(), entry.fxRate());
        }).toList();
        if (rows.size() <= pageSize) {
            return new Page<>(rows, null);
        }
        List<EntryView> page = rows.subList(0, pageSize);
        return new Page<>(page, Page.encodeCursor(page.getLast().sequence()));
    }

    private static WalletView view(WalletViewRow row) {
        return WalletView.of(row.walletId(), row.ownerId(), CurrencyCode.valueOf(row.currency()),
                WalletStatus.valueOf(row.status()), row.availableMinor(), row.heldMinor(), row.version());
    }
}
