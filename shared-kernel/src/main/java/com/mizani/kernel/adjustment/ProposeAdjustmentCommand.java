package com.mizani.kernel.adjustment;

import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Proposes a manual correction of a wallet's balance: {@code direction} is the wallet's side (CREDIT adds money to
 * it). The id comes from the proposer's idempotency key; {@code requestHash} is the request's fingerprint.
 */
public record ProposeAdjustmentCommand(@TargetAggregateIdentifier UUID adjustmentId, UUID walletId, Money amount,
                                       Direction direction, String reason, String proposedBy, String requestHash) {
    public ProposeAdjustmentCommand {
        Objects.requireNonNull(adjustmentId, "adjustmentId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(requestHash, "requestHash");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
