package com.mizani.query.wallet;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.wallet.WalletStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code wallet_view}: a wallet's projected balances, its last event sequence applied ({@code version})
 * and the hash of its latest ledger entry. Currency and status stay text as stored, for the checks that must report
 * whatever a row holds.
 *
 * @param lastEntryHash null until the wallet's first posting
 */
public record WalletViewRow(UUID walletId, UUID ownerId, String currency, String status, long availableMinor,
                            long heldMinor, long version, Instant openedAt, Instant updatedAt, String lastEntryHash) {

    /** A wallet as its opening event (sequence 0) leaves it: active, empty, no entries yet. */
    public static WalletViewRow opened(UUID walletId, UUID ownerId, CurrencyCode currency, Instant at) {
        return new WalletViewRow(walletId, ownerId, currency.name(), WalletStatus.ACTIVE.name(), 0, 0, 0, at, at, null);
    }

    public long balanceMinor() {
        return availableMinor + heldMinor;
    }
}
