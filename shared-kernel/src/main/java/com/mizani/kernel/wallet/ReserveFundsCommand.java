package com.mizani.kernel.wallet;

import com.mizani.kernel.money.Money;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves {@code amount} from available to held under {@code reservationId}; no money leaves the wallet yet. */
public record ReserveFundsCommand(@TargetAggregateIdentifier UUID walletId, UUID reservationId, Money amount) {
    public ReserveFundsCommand {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(amount, "amount");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
