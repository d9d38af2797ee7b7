package com.mizani.command.fx;

import com.mizani.kernel.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A rate as a rate source gave it: how many major units of {@code to} one major unit of {@code from} buys at the
 * mid-market, the spread Mizani charges on the pair, and when the source fixed the rate. Never a double: a rate is
 * an exact decimal, and amounts stay whole minor units.
 *
 * @param spreadBps the share of the converted amount Mizani keeps as its fee, in basis points (0 to 9,999)
 * @param source    which source gave it ("simulator", or the HTTP provider's host), for the audit trail
 */
public record FxRate(CurrencyCode from, CurrencyCode to, BigDecimal rate, int spreadBps, Instant asOf, String source) {

    public FxRate {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        if (from == to) {
            throw new IllegalArgumentException("a rate joins two different currencies, not " + from + " to itself");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("a rate must be positive: " + rate);
        }
        if (spreadBps < 0 || spreadBps >= 10_000) {
            throw new IllegalArgumentException("spreadBps must be 0 to 9,999: " + spreadBps);
        }
    }
}
