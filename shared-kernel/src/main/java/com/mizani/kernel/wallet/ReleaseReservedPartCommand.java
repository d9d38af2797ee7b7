package com.mizani.kernel.wallet;

import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Gives part of a reservation back to the available balance, to be spent at once by the same unit of work: a payroll
 * job pays each item from its reservation this way. The reservation stays open with the rest, and closes at zero.
 */
public record ReleaseReservedPartCommand(@TargetAggregateIdentifier UUID walletId, UUID reservationId, Money amount) {
    public ReleaseReservedPartCommand {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(amount, "amount");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
