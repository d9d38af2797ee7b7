package com.mizani.kernel.wallet;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

import java.util.UUID;

/** A wallet as the API shows it: amounts as decimal strings in major units, {@code total = available + held}. */
public record WalletView(UUID walletId, UUID ownerId, String currency, WalletStatus status, String available,
                         String held, String total, long version) {

    public static WalletView of(UUID walletId, UUID ownerId, CurrencyCode currency, WalletStatus status,
                                long availableMinor, long heldMinor, long version) {
        return new WalletView(walletId, ownerId, currency.name(), status, Money.format(availableMinor, currency),
                Money.format(heldMinor, currency), Money.format(availableMinor + heldMinor, currency), version);
    }

    public static WalletView of(WalletState state) {
        return of(state.walletId(), state.ownerId(), state.currency(), state.status(), state.availableMinor(),
                state.heldMinor(), state.version());
    }
}
