package com.mizani.kernel.transfer;

import com.mizani.kernel.fx.FxTerms;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.UUID;

/**
 * The transfer used FX quote {@code quoteId}, and moves money on its terms. It carries what an auditor asks of the
 * price: when the quote was issued, and when and where the rate was fixed.
 */
@Revision("1")
public record TransferConvertedEvent(UUID transferId, UUID quoteId, FxTerms terms, Instant quoteIssuedAt,
                                     Instant rateAsOf, String rateSource) {
}
