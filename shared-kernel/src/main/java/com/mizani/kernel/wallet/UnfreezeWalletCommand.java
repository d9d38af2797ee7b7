package com.mizani.kernel.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

public record UnfreezeWalletCommand(@TargetAggregateIdentifier UUID walletId) {
    public UnfreezeWalletCommand {
        Objects.requireNonNull(walletId, "walletId");
    }
}
