package com.mizani.kernel.fx;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

@Revision("1")
public record FxQuoteIssuedEvent(UUID quoteId, String principal, FxTerms terms, Instant rateAsOf, String rateSource,
                                 Instant expiresAt, String requestHash) {
}
