package com.mizani.query.ledger;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.mizani.query.ledger.CurrencySums.CurrencySum;
import com.mizani.query.wallet.WalletViewRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Transactions with all their postings, and the zero-sum check of the whole ledger. */
@RestController
@Tag(name = "Ledger")
public class LedgerQueryController {

    /** A transaction has at most a handful of postings; the bound only guards the response size. */
    private static final int MAX_POSTINGS = 1000;

    private final LedgerEntryRepository entries;
    private final WalletViewRepository wallets;
    private final CurrencySums currencySums;

    public LedgerQueryController(LedgerEntryRepository entries, WalletViewRepository wallets,
                                 CurrencySums currencySums) {
        this.entries = entries;
        this.wallets = wallets;
        this.currencySums = currencySums;
    }

    /** {@code fxQuoteId} and {@code fxRate} are set on a leg of a cross-currency transfer only. */
    public record PostingView(String account, String direction, String amount, String currency, String kind,
                              String balanceAfter, String contraAccount, Instant occurredAt, UUID fxQuoteId,
                              String fxRate) {
    }

    public record TransactionView(UUID transactionId, List<PostingView> postings, boolean balanced) {
    }

    @Operation(operationId = "getTransaction", summary = "Get a transaction with all its postings",
            description = "Every posting of one transaction (a transfer's id, a payment's or an adjustment's), system "
                    + "accounts included, each with its account, direction, amount, kind and running balance, and "
                    + "whether they sum to zero in each currency. Read from the ledger read model, which follows the "
                    + "commands within milliseconds: a transaction with no posting yet answers 404. A customer may "
                    + "read transactions of its own wallets only.")
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/transactions/{transactionId}")
    public TransactionView transaction(@Parameter(description = "The transaction: a transfer, payment or "
            + "adjustment id.", schema = @Schema(type = "string", format = "uuid"))
                                       @PathVariable UUID transactionId) {
        Map<String, Long> sums = new TreeMap<>();
        List<PostingView> postings = entries.ofTransaction(transactionId, MAX_POSTINGS).stream().map(entry -> {
            CurrencyCode currency = CurrencyCode.valueOf(entry.currency());
            long amount = entry.amountMinor();
            sums.merge(currency.name(), Direction.valueOf(entry.direction()).signed(amount), Long::sum);
            return new PostingView(entry.account(), entry.direction(), Money.format(amount, currency), currency.name(),
                    entry.kind(), entry.balanceAfterMinor() == null ? null : Money.format(entry.balanceAfterMinor(), currency),
                    entry.contraAccount(), entry.occurredAt(), entry.fxQuoteId(), entry.fxRate());
        }).toList();
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
    @Operation(operationId = "verifyLedger", summary = "Check that the whole ledger sums to zero",
            description = "Per currency, the wallets' balances plus the system accounts' must sum to zero; the answer "
                    + "has each currency's sum, the wallets below zero and the wallets whose balance differs from "
                    + "their entries, and balanced when all three are clean. Computed now from the read models. For "
                    + "operators and auditors; GET /api/v1/ops/invariants checks more, against the events.")
    @ReadsProjections(LedgerProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/ledger/verify")
    public LedgerVerification verify() {
        List<CurrencySum> currencies = currencySums.perCurrency();
        long negative = wallets.countNegative();
        long mismatched = entries.walletsNotMatchingEntries();
        boolean balanced = currencies.stream().allMatch(CurrencySum::balanced) && negative == 0 && mismatched == 0;
        return new LedgerVerification(balanced, currencies, negative, mismatched, Instant.now());
    }
}
