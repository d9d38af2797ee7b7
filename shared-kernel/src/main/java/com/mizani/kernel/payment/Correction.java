package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;

import java.util.Objects;
import java.util.UUID;

/**
 * A correction of one payment's books, proposed for an incident.
 *
 * @param walletId the payment's wallet, which the correction's postings move
 * @param amount   what moves; zero for {@link CorrectionAction#NONE}
 */
public record Correction(CorrectionAction action, UUID walletId, Money amount) {

    public Correction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(amount, "amount");
        if (action.movesMoney() != (amount.amountMinor() > 0)) {
            throw new IllegalArgumentException("a correction " + action + " of " + amount.toDecimalString());
        }
    }
}
