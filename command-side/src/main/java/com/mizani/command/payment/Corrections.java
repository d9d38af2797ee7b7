package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which corrections fit an incident, and their postings. An incident's difference comes down to what the wallet owes
 * (positive: the customer has money the provider says they should not) or is owed (negative); a correction settles
 * exactly that, or decides that nothing is due.
 */
final class Corrections {

    private Corrections() {
    }

    /**
     * The system's proposal: the wallet pays what it owes while it holds it, the customer owes it (a receivable) when
     * it does not, and a wallet that is owed money is credited.
     */
    static Correction proposedFor(long walletDebtMinor, UUID walletId, CurrencyCode currency, boolean walletHoldsDebt) {
        if (walletDebtMinor > 0) {
            return new Correction(walletHoldsDebt ? CorrectionAction.DEBIT_WALLET : CorrectionAction.BOOK_RECEIVABLE,
                    walletId, Money.of(walletDebtMinor, currency));
        }
        if (walletDebtMinor < 0) {
            return new Correction(CorrectionAction.CREDIT_WALLET, walletId, Money.of(-walletDebtMinor, currency));
        }
        return none(walletId, currency);
    }

    /** The correction an operator names, for the incident's debt; one that does not settle that debt is refused. */
    static Correction named(CorrectionAction action, long walletDebtMinor, UUID walletId, CurrencyCode currency) {
        Set<CorrectionAction> fitting = walletDebtMinor > 0
                ? Set.of(CorrectionAction.DEBIT_WALLET, CorrectionAction.BOOK_RECEIVABLE, CorrectionAction.NONE)
                : walletDebtMinor < 0 ? Set.of(CorrectionAction.CREDIT_WALLET, CorrectionAction.NONE)
                : Set.of(CorrectionAction.NONE);
        if (!fitting.contains(action)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, ("%s does not settle this incident, in which the "
                    + "wallet %s %s; one of %s does").formatted(action, walletDebtMinor > 0 ? "owes" : "is owed",
                    Money.of(Math.abs(walletDebtMinor), currency).toDecimalString(), fitting));
        }
        return action == CorrectionAction.NONE ? none(walletId, currency)
                : new Correction(action, walletId, Money.of(Math.abs(walletDebtMinor), currency));
    }

    /** How much of the wallet's debt the correction settles: negative for a credit, zero when nothing moves. */
    static long walletDebtSettledBy(Correction correction) {
        return switch (correction.action()) {
            case DEBIT_WALLET, BOOK_RECEIVABLE -> correction.amount().amountMinor();
            case CREDIT_WALLET -> -correction.amount().amountMinor();
            case NONE -> 0;
        };
    }

    /**
     * Posts the correction on the wallet, against the provider's settlement account, under the payment's id. A
     * receivable goes through the wallet (credited from {@code receivable:<CCY>}, then debited), so the wallet never
     * goes below zero and the receivable's entry names it. Returns the wallet's refusal, if it refused.
     */
    static Optional<MizaniException> post(Correction correction, UUID paymentId, String settlementAccount,
                                          WalletLegs wallets) {
        UUID walletId = correction.walletId();
        Money amount = correction.amount();
        return switch (correction.action()) {
            case DEBIT_WALLET -> wallets.debit(walletId, paymentId, amount, PostingKind.CORRECTION, settlementAccount);
            case CREDIT_WALLET -> wallets.credit(walletId, paymentId, amount, PostingKind.CORRECTION, settlementAccount);
            case BOOK_RECEIVABLE -> wallets.credit(walletId, paymentId, amount, PostingKind.CORRECTION,
                            SystemAccounts.receivable(amount.currency()))
                    .or(() -> wallets.debit(walletId, paymentId, amount, PostingKind.CORRECTION, settlementAccount));
            case NONE -> Optional.empty();
        };
    }

    private static Correction none(UUID walletId, CurrencyCode currency) {
        return new Correction(CorrectionAction.NONE, walletId, Money.of(0, currency));
    }
}
