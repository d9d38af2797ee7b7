package com.mizani.kernel.transfer;

import com.mizani.kernel.fx.FxTerms;

import java.util.UUID;

/**
 * The conversion of a cross-currency transfer, as the API shows it: the transfer's {@code amount} left the source
 * wallet, {@code fee} of it (in the source currency) went to Mizani, and {@code destinationAmount} reached the
 * destination wallet at {@code rate}.
 */
public record TransferFx(UUID quoteId, String rate, String fee, String feeCurrency, String destinationAmount,
                         String destinationCurrency) {

    public static TransferFx of(UUID quoteId, FxTerms terms) {
        return new TransferFx(quoteId, terms.rate(), terms.fee().toDecimalString(), terms.fee().currency().name(),
                terms.destination().toDecimalString(), terms.destination().currency().name());
    }
}
