package com.mizani.kernel.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

public record FreezeWalletCommand(@TargetAggregateIdentifier UUID walletId) {
    public FreezeWalletCommand {
        Objects.requireNonNull(walletId, "walletId");
    }
}
