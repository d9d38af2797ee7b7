package com.mizani.saga.provider;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.ProviderResult;

import java.util.UUID;

/**
 * The mobile-money provider as the payment sagas see it. Implementations never throw for the provider's failures:
 * a call that may or may not have reached the provider answers {@link SubmitAnswer.Unknown}, and the saga resolves
 * that by asking later, never by guessing or by sending the money request again.
 */
public interface ProviderGateway {

    /** Asks the provider to pay out; the payment id is its originator id, so the provider can deduplicate. */
    SubmitAnswer requestPayout(UUID paymentId, Money amount, Msisdn msisdn);

    /** Asks for a payout's status; the answer comes later, by callback. False if the question did not get through. */
    boolean requestPayoutStatus(UUID paymentId);

    /** Sends a payment prompt to the customer's phone; the callback URL names the payment. */
    SubmitAnswer requestStkPush(UUID paymentId, Money amount, Msisdn msisdn);

    /** Asks, synchronously, what became of a push; UNKNOWN while the customer has not answered or on any failure. */
    ProviderResult queryStkPush(UUID paymentId, String checkoutRequestId);
}
