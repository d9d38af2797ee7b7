package com.mizani.kernel.fx;

import java.util.Objects;
import java.util.UUID;

/**
 * What a posting of a cross-currency transfer records of its conversion: the quote it was priced on and that quote's
 * rate, so that every leg can be traced to the price the customer accepted.
 *
 * @param rate the quote's rate as a decimal string ({@link FxTerms#rate()})
 */
public record FxLeg(UUID quoteId, String rate) {

    public FxLeg {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(rate, "rate");
    }
}
