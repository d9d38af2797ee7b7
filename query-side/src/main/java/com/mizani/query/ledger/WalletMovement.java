package com.mizani.query.ledger;

import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;

import java.util.Optional;
import java.util.UUID;

/**
 * What a money-moving wallet event says: which side of the wallet moved, by how much, against which account, and for
 * a leg of a conversion, its quote and rate ({@code fx}; null otherwise).
 */
public record WalletMovement(UUID walletId, UUID transactionId, Money amount, String kind, Direction walletSide,
                             String contraAccount, long availableAfterMinor, long heldAfterMinor, FxLeg fx) {

    public long balanceAfterMinor() {
        return availableAfterMinor + heldAfterMinor;
    }

    static WalletMovement of(WalletCreditedEvent event) {
        return new WalletMovement(event.walletId(), event.transactionId(), event.amount(), event.kind().name(),
                Direction.CREDIT, event.contraAccount(), event.availableAfterMinor(), event.heldAfterMinor(), event.fx());
    }

    static WalletMovement of(WalletDebitedEvent event) {
        return new WalletMovement(event.walletId(), event.transactionId(), event.amount(), event.kind().name(),
                Direction.DEBIT, event.contraAccount(), event.availableAfterMinor(), event.heldAfterMinor(), event.fx());
    }

    /** The movement of a wallet event's payload, if it moves money (opening, freezing or reserving does not). */
    public static Optional<WalletMovement> of(Object payload) {
        return switch (payload) {
            case WalletCreditedEvent credited -> Optional.of(of(credited));
            case WalletDebitedEvent debited -> Optional.of(of(debited));
            default -> Optional.empty();
        };
    }
}
