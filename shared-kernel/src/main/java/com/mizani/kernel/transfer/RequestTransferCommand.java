package com.mizani.kernel.transfer;

import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Moves money between two wallets: of one currency, or across two on FX quote {@code fxQuoteId}. {@code transferId}
 * is derived from the client and its idempotency key, and {@code requestHash} fingerprints the payload, so a repeated
 * request finds the first.
 *
 * @param amount     what leaves the source wallet, in its currency
 * @param fxQuoteId  the quote a cross-currency transfer is priced on; null for one currency
 * @param principal  who asked: a quote may be used only by the principal it was issued to; null when no quote
 */
public record RequestTransferCommand(@TargetAggregateIdentifier UUID transferId, UUID sourceWalletId,
                                     UUID destinationWalletId, Money amount, String requestHash, UUID fxQuoteId,
                                     String principal) {

    /** A transfer within one currency. */
    public RequestTransferCommand(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                                  String requestHash) {
        this(transferId, sourceWalletId, destinationWalletId, amount, requestHash, null, null);
    }

    public RequestTransferCommand {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(sourceWalletId, "sourceWalletId");
        Objects.requireNonNull(destinationWalletId, "destinationWalletId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(requestHash, "requestHash");
        if (sourceWalletId.equals(destinationWalletId)) {
            throw new IllegalArgumentException("source and destination must differ");
        }
        if (fxQuoteId != null) {
            Objects.requireNonNull(principal, "principal");
        }
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
