package com.mizani.kernel.payment;

import java.util.Objects;

/**
 * What the provider said about one of our payments, already parsed but not yet trusted: the payment aggregate
 * matches it against its own request before it moves any money.
 *
 * @param outcome           PAID and NOT_PAID are definitive; UNKNOWN decides nothing; NOT_FOUND (the provider knows
 *                          no such payment) decides only late and confirmed (the payment's settle window)
 * @param resultCode        the provider's result code, as text because providers mix numbers and strings
 * @param receipt           the provider's transaction receipt, when it paid
 * @param amountMinor       the amount the provider reports, in minor units; null when it reports none
 * @param msisdn            the counterparty number the provider reports; null when it reports none
 * @param providerReference the provider's id for our request (ConversationID, CheckoutRequestID), if given
 */
public record ProviderResult(Evidence evidence, Outcome outcome, String resultCode, String description, String receipt,
                             Long amountMinor, String msisdn, String providerReference) {

    public enum Outcome {
        PAID, NOT_PAID, UNKNOWN,
        /**
         * The provider knows no such payment, so far: a real provider may accept a request and process it minutes
         * later, so this is believed only after the settle window, and when the answer before it said the same.
         */
        NOT_FOUND
    }

    public ProviderResult {
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(outcome, "outcome");
        description = description == null ? "" : truncate(description, 256);
    }

    public boolean isDefinitive() {
        return outcome == Outcome.PAID || outcome == Outcome.NOT_PAID;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
