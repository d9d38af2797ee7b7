package com.mizani.command.fx.rates;

import com.mizani.command.fx.FxRate;
import com.mizani.command.fx.RateSource;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.CurrencyCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one place that decides whether a rate is current enough to price with, whatever source gave it: a rate fixed
 * longer than {@code maxAge} ago, or later than {@code clockSkew} ahead of Mizani's clock (a source whose clock is
 * wrong gives ages that mean nothing), is refused with FX_UNAVAILABLE and a Retry-After. Mizani never falls back to
 * an older rate it saw: a quote priced on a rate the market has left would be money given away or taken.
 */
public final class FreshRates implements RateSource {

    private final RateSource source;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration clockSkew;
    private final Duration retryAfter;

    public FreshRates(RateSource source, Clock clock, Duration maxAge, Duration clockSkew, Duration retryAfter) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = requirePositive("maxAge", maxAge);
        this.clockSkew = requireNotNegative("clockSkew", clockSkew);
        this.retryAfter = requireNotNegative("retryAfter", retryAfter);
    }

    @Override
    public FxRate current(CurrencyCode from, CurrencyCode to) {
        FxRate rate = source.current(from, to);
        if (rate.from() != from || rate.to() != to) {
            // A source's bug, not the market's: refusing is still the only safe answer.
            throw new RetryLater(ErrorCode.FX_UNAVAILABLE, "the FX rate source answered %s-%s when asked for %s-%s"
                    .formatted(rate.from(), rate.to(), from, to), retryAfter);
        }
        Instant now = clock.instant();
        Duration age = Duration.between(rate.asOf(), now);
        if (age.compareTo(maxAge) > 0) {
            throw new RetryLater(ErrorCode.FX_UNAVAILABLE, "the %s-%s rate of %s was fixed at %s, %d s ago; Mizani "
                    .formatted(from, to, rate.source(), rate.asOf(), age.toSeconds())
                    + "prices only with rates at most %d s old".formatted(maxAge.toSeconds()), retryAfter);
        }
        if (age.negated().compareTo(clockSkew) > 0) {
            throw new RetryLater(ErrorCode.FX_UNAVAILABLE, "the %s-%s rate of %s is dated %s, ahead of Mizani's clock "
                    .formatted(from, to, rate.source(), rate.asOf()) + "(%s): the source's clock is wrong"
                    .formatted(now), retryAfter);
        }
        return rate;
    }

    private static Duration requirePositive(String name, Duration value) {
        if (Objects.requireNonNull(value, name).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }

    private static Duration requireNotNegative(String name, Duration value) {
        if (Objects.requireNonNull(value, name).isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }
}
