package com.mizani.kernel.fx;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues a quote priced on a rate fetched just before. {@code quoteId} is derived from the caller and its idempotency
 * key and {@code requestHash} fingerprints what was asked (not the price), so a repeat finds the first quote.
 *
 * @param principal  who asked: the only principal that may read or use the quote
 * @param rateAsOf   when the rate source fixed the rate
 * @param rateSource which source gave the rate
 */
public record IssueFxQuoteCommand(@TargetAggregateIdentifier UUID quoteId, String principal, FxTerms terms,
                                  Instant rateAsOf, String rateSource, Instant expiresAt, String requestHash) {
    public IssueFxQuoteCommand {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(rateAsOf, "rateAsOf");
        Objects.requireNonNull(rateSource, "rateSource");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(requestHash, "requestHash");
    }
}
