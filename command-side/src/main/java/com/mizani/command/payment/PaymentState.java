package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.ProviderResult;

import java.util.Optional;
import java.util.UUID;

/**
 * What a payment is and where it stands. Payouts and deposits have different lifecycles: a payout holds its money on
 * the wallet before anything is sent, a deposit holds nothing and may be paid from the moment it is recorded. Each
 * state type answers the questions whose answer depends on that ({@link #awaitsAcknowledgement}, how the money moves
 * when the payment settles or fails), so no decision asks which kind of payment it is. The status is always the one
 * {@link PaymentEvent#statusAfter} gives for the last event that moved it.
 */
sealed interface PaymentState permits Payout, Deposit {

    /** Null only for a pay-bill deposit whose reference named no wallet, until an operator names one. */
    UUID walletId();

    Money amount();

    /** Zero unless the payment charges one. */
    Money fee();

    /** The customer's number, where the payment has one. */
    Msisdn msisdn();

    PaymentMethod method();

    PaymentStatus status();

    PaymentState withStatus(PaymentStatus status);

    /** The state once an operator's approved resolution names the wallet that takes the money. */
    PaymentState creditedTo(UUID walletId);

    /**
     * Whether our request may be on its way to the provider, unacknowledged: only then does an acknowledgement, or the
     * news that none came, change anything.
     */
    boolean awaitsAcknowledgement();

    /** Whether the provider can still decide the payment: no outcome yet, and no operator has taken it over. */
    default boolean awaitsProvider() {
        return awaitsAcknowledgement() || status() == PaymentStatus.SUBMITTED || status() == PaymentStatus.AMBIGUOUS;
    }

    /**
     * The provider moved the money: moves it on the wallet too, against the provider's settlement account. Returns the
     * wallet's refusal, if it refused (only a credit can be refused).
     */
    Optional<MizaniException> settle(UUID paymentId, WalletLegs wallets);

    /** The provider did not move the money: gives back whatever the payment holds on the wallet. */
    void unwind(UUID paymentId, WalletLegs wallets);

    /**
     * What the wallet owes (positive) or is owed (negative) when the provider moved {@code providerDifferenceMinor}
     * more for this payment than our books say: a payout's extra money went to the customer, a deposit's came from
     * them.
     */
    long walletDebtOf(long providerDifferenceMinor);

    default String settlementAccount() {
        return SystemAccounts.providerSettlement(method().provider(), amount().currency());
    }

    /**
     * What a provider message means for this payment; nothing is applied until the payment acts on it.
     *
     * @param notFoundConfirmed whether a "no such payment" answer may be believed now: the settle window has passed
     *                          and the status answer before this one said the same ({@link SettleWindow})
     */
    default Decision decide(ProviderResult result, boolean notFoundConfirmed) {
        if (status().isFinal()) {
            return Decision.ignore("the payment is already " + status() + "; a late or repeated message changes nothing");
        }
        if (status() == PaymentStatus.MANUAL_REVIEW) {
            return Decision.ignore("the payment is in manual review; an operator decides it");
        }
        return switch (result.outcome()) {
            case UNKNOWN -> result.evidence() == Evidence.QUEUE_TIMEOUT && status() == PaymentStatus.SUBMITTED
                    ? Decision.of(Decision.Action.AMBIGUOUS, "the provider's queue timed out: " + result.description())
                    : Decision.ignore("not a definitive answer: " + result.resultCode() + " " + result.description());
            case NOT_PAID -> Decision.of(Decision.Action.FAIL, result.description());
            case NOT_FOUND -> notFoundConfirmed
                    ? Decision.of(Decision.Action.FAIL, "the provider has no such payment, twice and after the settle "
                    + "window: " + result.description())
                    : Decision.ignore("not yet: the provider has no such payment so far (" + result.resultCode() + " "
                    + result.description() + "); believed only after the settle window and a second such answer");
            case PAID -> decidePaid(result);
        };
    }

    private Decision decidePaid(ProviderResult result) {
        if (result.amountMinor() != null && result.amountMinor() != amount().amountMinor()) {
            return Decision.of(Decision.Action.REVIEW, "the provider reports %s but we asked for %s"
                    .formatted(Money.format(result.amountMinor(), amount().currency()), amount().toDecimalString()));
        }
        if (msisdn() != null && result.msisdn() != null && !result.msisdn().equals(msisdn().value())) {
            return Decision.of(Decision.Action.REVIEW, "the provider reports another mobile number than the request's");
        }
        return Decision.of(Decision.Action.CONFIRM, result.description());
    }
}
