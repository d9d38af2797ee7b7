package com.mizani.kernel.fx;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A quote as the API shows it. Amounts are decimal strings in major units; {@code rate} is a decimal string at
 * {@link FxTerms#RATE_SCALE} decimals; {@code fee} is in the source currency ({@code feeCurrency}).
 *
 * @param secondsRemaining whole seconds left to use an ACTIVE quote, rounded down; 0 once it is not ACTIVE
 * @param transferId       the transfer that used the quote, once USED
 */
public record FxQuoteView(UUID quoteId, FxQuoteStatus status, String fromCurrency, String toCurrency,
                          String fromAmount, String toAmount, String rate, String fee, String feeCurrency,
                          int spreadBps, Instant issuedAt, Instant expiresAt, long secondsRemaining,
                          Instant rateAsOf, UUID transferId, Instant usedAt) {

    /** Times to the millisecond, the precision the event store keeps, so that a repeat answers identically. */
    public FxQuoteView {
        issuedAt = millis(issuedAt);
        expiresAt = millis(expiresAt);
        rateAsOf = millis(rateAsOf);
        usedAt = millis(usedAt);
    }

    /**
     * The quote as it stands at {@code now}: an ACTIVE quote whose time is up is EXPIRED, whether or not its deadline
     * has run yet, as a transfer would find it.
     */
    public static FxQuoteView of(FxQuoteOutcome quote, Instant now) {
        FxTerms terms = quote.terms();
        boolean active = quote.status() == FxQuoteStatus.ACTIVE && now.isBefore(quote.expiresAt());
        FxQuoteStatus status = quote.status() == FxQuoteStatus.ACTIVE && !active ? FxQuoteStatus.EXPIRED : quote.status();
        long remaining = active ? Duration.between(now, quote.expiresAt()).getSeconds() : 0;
        return new FxQuoteView(quote.quoteId(), status, terms.source().currency().name(),
                terms.destination().currency().name(), terms.source().toDecimalString(),
                terms.destination().toDecimalString(), terms.rate(), terms.fee().toDecimalString(),
                terms.fee().currency().name(), terms.spreadBps(), quote.issuedAt(), quote.expiresAt(), remaining,
                quote.rateAsOf(), quote.transferId(), quote.usedAt());
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
