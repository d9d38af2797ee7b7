package com.mizani.command.fx.rates;

import com.mizani.command.fx.FxRate;
import com.mizani.command.fx.RateSource;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rate source of local mode: rates from a fixed table ({@link SimulatedRates}), fixed at the moment they are
 * asked for, with Mizani's spreads, unless its {@link SimulatorFaultKnob} says to fail. Never in production mode.
 */
public final class SimulatedRateSource implements RateSource {

    public static final String SOURCE = "simulator";

    /** How old a STALE rate is: far beyond any freshness limit a deployment would set. */
    public static final Duration STALE_AGE = Duration.ofDays(1);

    private final SimulatedRates rates;
    private final Spreads spreads;
    private final SimulatorFaultKnob fault;
    private final Clock clock;
    private final Duration retryAfter;

    public SimulatedRateSource(SimulatedRates rates, Spreads spreads, SimulatorFaultKnob fault, Clock clock,
                               Duration retryAfter) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.spreads = Objects.requireNonNull(spreads, "spreads");
        this.fault = Objects.requireNonNull(fault, "fault");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public FxRate current(CurrencyCode from, CurrencyCode to) {
        if (from == to) {
            throw new MizaniException(ErrorCode.FX_PAIR_UNSUPPORTED, "a pair joins two different currencies");
        }
        SimulatorFault now = fault.current();
        if (now == SimulatorFault.OUTAGE) {
            throw new RetryLater(ErrorCode.FX_UNAVAILABLE, "the FX rate simulator is down (fault OUTAGE)", retryAfter);
        }
        CurrencyPair pair = new CurrencyPair(from, to);
        BigDecimal rate = rates.rateOf(pair).orElseThrow(() -> new MizaniException(ErrorCode.FX_PAIR_UNSUPPORTED,
                "the FX rate simulator does not quote " + pair));
        Instant asOf = now == SimulatorFault.STALE ? clock.instant().minus(STALE_AGE) : clock.instant();
        return new FxRate(from, to, rate, spreads.bpsOf(from, to), asOf, SOURCE);
    }
}
