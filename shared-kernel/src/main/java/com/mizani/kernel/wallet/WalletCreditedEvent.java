package com.mizani.kernel.wallet;

import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The wallet was credited against {@code contraAccount}: one event is one balanced pair of postings.
 * It carries the wallet's balances after the posting so that ledger views need no arithmetic of their own, and
 * {@code fx}, the quote and rate, when the posting is a leg of a cross-currency transfer (null otherwise; events
 * stored before conversions existed have none).
 */
@Revision("1")
public record WalletCreditedEvent(UUID walletId, UUID transactionId, Money amount, PostingKind kind,
                                String contraAccount, long availableAfterMinor, long heldAfterMinor, FxLeg fx) {

    /** A posting in the wallet's own currency only: no conversion. */
    public WalletCreditedEvent(UUID walletId, UUID transactionId, Money amount, PostingKind kind, String contraAccount,
                              long availableAfterMinor, long heldAfterMinor) {
        this(walletId, transactionId, amount, kind, contraAccount, availableAfterMinor, heldAfterMinor, null);
    }

    public long balanceAfterMinor() {
        return availableAfterMinor + heldAfterMinor;
    }
}
