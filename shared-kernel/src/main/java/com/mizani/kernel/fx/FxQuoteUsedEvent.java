package com.mizani.kernel.fx;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The quote was consumed by transfer {@code transferId}, which {@code principal} asked for. */
@Revision("1")
public record FxQuoteUsedEvent(UUID quoteId, UUID transferId, String principal) {
}
