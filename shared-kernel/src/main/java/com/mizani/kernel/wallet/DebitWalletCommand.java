package com.mizani.kernel.wallet;

import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Debits the wallet against {@code contraAccount}: one balanced pair of postings in transaction {@code transactionId}. */
public record DebitWalletCommand(@TargetAggregateIdentifier UUID walletId, UUID transactionId, Money amount,
                                PostingKind kind, String contraAccount, FxLeg fx) {

    /** A movement in the wallet's own currency only: no conversion. */
    public DebitWalletCommand(UUID walletId, UUID transactionId, Money amount, PostingKind kind, String contraAccount) {
        this(walletId, transactionId, amount, kind, contraAccount, null);
    }

    public DebitWalletCommand {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contraAccount, "contraAccount");
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
