package com.mizani.kernel.fx;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Uses the quote for transfer {@code transferId}, inside that transfer's unit of work: the quote is consumed only if
 * the transfer commits. The transfer's principal, amount and currencies must be the quote's.
 *
 * @param source              what the transfer debits from the source wallet
 * @param destinationCurrency the destination wallet's currency
 */
public record ConsumeFxQuoteCommand(@TargetAggregateIdentifier UUID quoteId, UUID transferId, String principal,
                                    Money source, CurrencyCode destinationCurrency) {
    public ConsumeFxQuoteCommand {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destinationCurrency, "destinationCurrency");
    }
}
