package com.mizani.kernel.fx;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The quote's time ran out before any transfer used it. */
@Revision("1")
public record FxQuoteExpiredEvent(UUID quoteId) {
}
