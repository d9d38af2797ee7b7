package com.mizani.kernel.wallet;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a reservation back to the available balance: the payout it covered did not happen. */
public record ReleaseReservationCommand(@TargetAggregateIdentifier UUID walletId, UUID reservationId) {
    public ReleaseReservationCommand {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(reservationId, "reservationId");
    }
}
