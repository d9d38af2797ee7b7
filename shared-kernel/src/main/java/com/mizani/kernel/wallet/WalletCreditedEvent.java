package com.mizani.kernel.wallet;

import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * The wallet was credited against {@code contraAccount}: one event is one balanced pair of postings.
 * It carries the wallet's balances after the posting so that ledger views need no arithmetic of their own.
 */
@Revision("1")
public record WalletCreditedEvent(UUID walletId, UUID transactionId, Money amount, PostingKind kind,
                                String contraAccount, long availableAfterMinor, long heldAfterMinor) {

    public long balanceAfterMinor() {
        return availableAfterMinor + heldAfterMinor;
    }
}
