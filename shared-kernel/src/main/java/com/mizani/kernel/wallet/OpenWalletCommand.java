package com.mizani.kernel.wallet;

import com.mizani.kernel.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Opens a wallet. The id is derived from the client's idempotency key when there is one, and
 * {@code requestHash} fingerprints the request so a reused key with another payload is recognised.
 */
public record OpenWalletCommand(@TargetAggregateIdentifier UUID walletId, UUID ownerId, CurrencyCode currency,
                                String requestHash) {
    public OpenWalletCommand {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(requestHash, "requestHash");
    }
}
