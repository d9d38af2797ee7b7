package com.mizani.kernel.wallet;

import com.mizani.kernel.money.CurrencyCode;

import java.util.UUID;

/** A wallet as its aggregate sees it, returned by the commands that change it. */
public record WalletState(UUID walletId, UUID ownerId, CurrencyCode currency, WalletStatus status,
                          long availableMinor, long heldMinor, long version) {
}
