package com.mizani.kernel.transfer;

import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Moves money between two wallets of one currency. {@code transferId} is derived from the client and its
 * idempotency key, and {@code requestHash} fingerprints the payload, so a repeated request finds the first.
 */
public record RequestTransferCommand(@TargetAggregateIdentifier UUID transferId, UUID sourceWalletId,
                                     UUID destinationWalletId, Money amount, String requestHash) {
    public RequestTransferCommand {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(sourceWalletId, "sourceWalletId");
        Objects.requireNonNull(destinationWalletId, "destinationWalletId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(requestHash, "requestHash");
        if (sourceWalletId.equals(destinationWalletId)) {
            throw new IllegalArgumentException("source and destination must differ");
        }
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
