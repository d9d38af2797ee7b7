package com.mizani.command.support;

import com.mizani.command.wallet.WalletChecks;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stands in for the wallets a handler asks before it decides: every wallet accepts, unless the test scripted a
 * refusal for it, and holds nothing, unless the test said what it holds. Records what it was asked, so a test can
 * tell a check was made.
 */
public final class StubWalletChecks implements WalletChecks {

    private final Map<UUID, MizaniException> refusals = new HashMap<>();
    private final List<UUID> asked = new ArrayList<>();
    private final Map<UUID, Long> available = new HashMap<>();

    /** From now on, every check of {@code walletId} answers {@code refusal}. */
    public StubWalletChecks refusing(UUID walletId, MizaniException refusal) {
        refusals.put(walletId, refusal);
        return this;
    }

    /** From now on, {@code walletId} has {@code availableMinor} available; a wallet never set has nothing. */
    public StubWalletChecks holding(UUID walletId, long availableMinor) {
        available.put(walletId, availableMinor);
        return this;
    }

    @Override
    public boolean holdsAvailable(UUID walletId, Money amount) {
        asked.add(walletId);
        return amount.amountMinor() <= available.getOrDefault(walletId, 0L);
    }

    @Override
    public Optional<MizaniException> refusalOfCredit(UUID walletId, Money amount) {
        asked.add(walletId);
        return Optional.ofNullable(refusals.get(walletId));
    }

    @Override
    public Optional<MizaniException> refusalOfFutureMovement(UUID walletId, Money amount) {
        asked.add(walletId);
        return Optional.ofNullable(refusals.get(walletId));
    }

    /** Every wallet is in KES, the currency these tests move. */
    @Override
    public Optional<CurrencyCode> currencyOf(UUID walletId) {
        asked.add(walletId);
        return Optional.of(CurrencyCode.KES);
    }

    /** The wallets asked about, in order. */
    public List<UUID> asked() {
        return List.copyOf(asked);
    }
}
