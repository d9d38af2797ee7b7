package com.mizani.command.wallet;

import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

import java.util.Optional;
import java.util.UUID;

/** Asks a wallet, without changing it, what it would refuse now. */
public interface WalletChecks {

    /** The refusal a credit of {@code amount} would meet now (missing, other currency, frozen, closed), if any. */
    Optional<MizaniException> refusalOfCredit(UUID walletId, Money amount);

    /**
     * The refusal of naming this wallet now for {@code amount} that moves later, once a decision is
     * approved: WALLET_NOT_FOUND, CURRENCY_MISMATCH or WALLET_CLOSED, which no later moment can cure. A freeze is not
     * refused here: it may be lifted by then, and the wallet answers for itself when the money moves.
     */
    Optional<MizaniException> refusalOfFutureMovement(UUID walletId, Money amount);

    /** The wallet's currency; empty for a wallet that does not exist. */
    Optional<CurrencyCode> currencyOf(UUID walletId);

    /** Whether the wallet has {@code amount} available now; false for a wallet that does not exist. */
    boolean holdsAvailable(UUID walletId, Money amount);
}
