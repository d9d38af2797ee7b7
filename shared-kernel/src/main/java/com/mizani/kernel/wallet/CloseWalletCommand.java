package com.mizani.kernel.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

public record CloseWalletCommand(@TargetAggregateIdentifier UUID walletId) {
    public CloseWalletCommand {
        Objects.requireNonNull(walletId, "walletId");
    }
}
