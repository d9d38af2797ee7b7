package com.mizani.kernel.fx;

import java.time.Instant;
import java.util.UUID;

/** A quote as its aggregate knows it; {@code transferId} and {@code usedAt} are set once a transfer used it. */
public record FxQuoteOutcome(UUID quoteId, String principal, FxTerms terms, FxQuoteStatus status, Instant issuedAt,
                             Instant expiresAt, Instant rateAsOf, String rateSource, UUID transferId, Instant usedAt) {
}
