package com.mizani.kernel.fx;

import com.mizani.kernel.money.Money;

import java.util.Objects;

/**
 * The price of one conversion, fixed when its quote is issued: {@code source} leaves the source wallet, of which
 * {@code fee} is Mizani's and the rest is converted at {@code rate} into {@code destination}, which the destination
 * wallet receives. All three are whole minor units; nothing here is ever a floating point number.
 *
 * @param rate      how many major units of the destination currency one major unit of the source currency buys,
 *                  a decimal string at {@link #RATE_SCALE} decimals
 * @param spreadBps the fee, as basis points of the converted amount
 */
public record FxTerms(Money source, Money fee, Money destination, String rate, int spreadBps) {

    /** Decimals of every rate Mizani shows and computes with. */
    public static final int RATE_SCALE = 8;

    public FxTerms {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(rate, "rate");
        if (fee.currency() != source.currency()) {
            throw new IllegalArgumentException("the fee is charged in the source currency");
        }
        if (destination.currency() == source.currency()) {
            throw new IllegalArgumentException("a conversion joins two currencies");
        }
        if (source.amountMinor() <= 0 || destination.amountMinor() <= 0 || fee.amountMinor() < 0
                || fee.amountMinor() >= source.amountMinor()) {
            throw new IllegalArgumentException("amounts out of range: " + source + ", " + fee + ", " + destination);
        }
    }

    /** What is converted: the source amount less the fee. */
    public Money converted() {
        return Money.of(source.amountMinor() - fee.amountMinor(), source.currency());
    }
}
