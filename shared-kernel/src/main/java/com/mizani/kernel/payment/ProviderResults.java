package com.mizani.kernel.payment;

/**
 * Where the provider's answers about payments go, from its callbacks: each is applied to its payment, and stored,
 * before {@link #apply} returns, so a callback is acknowledged only for what is committed.
 */
public interface ProviderResults {

    /** Applies the result to its payment; throws as the payment's command would (a refusal, a lost race). */
    PaymentOutcome apply(ApplyProviderResultCommand result);
}
