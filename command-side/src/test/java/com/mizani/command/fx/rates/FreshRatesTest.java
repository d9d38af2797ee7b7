package com.mizani.command.fx.rates;

import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static com.mizani.kernel.money.CurrencyCode.KES;
import static com.mizani.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The freshness check against a real source whose clock is not Mizani's: the simulator fixes its rates at its own
 * clock's instant, and the check judges them by Mizani's.
 */
class FreshRatesTest {

    private static final Instant FIXED_AT = Instant.parse("2026-12-02T10:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Duration SKEW = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(4);

    private final SimulatedRateSource source = new SimulatedRateSource(SimulatedRates.DEFAULT, Spreads.uniform(50),
            new SimulatorFaultKnob(SimulatorFault.NONE), Clock.fixed(FIXED_AT, ZoneOffset.UTC), Duration.ofSeconds(1));

    private FreshRates judgedAt(Instant mizaniNow) {
        return new FreshRates(source, Clock.fixed(mizaniNow, ZoneOffset.UTC), MAX_AGE, SKEW, RETRY_AFTER);
    }

    @Test
    void aRateUpToMaxAgeOldIsPassedOnUnchanged() {
        assertThat(judgedAt(FIXED_AT).current(KES, USD)).isEqualTo(source.current(KES, USD));
        assertThat(judgedAt(FIXED_AT.plus(MAX_AGE)).current(KES, USD).asOf()).isEqualTo(FIXED_AT);
    }

    @Test
    void aRateOlderThanMaxAgeIsRefusedWithRetryAfter() {
        assertThatThrownBy(() -> judgedAt(FIXED_AT.plus(MAX_AGE).plusMillis(1)).current(KES, USD))
                .isInstanceOfSatisfying(RetryLater.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE);
                    assertThat(refused.retryAfter()).isEqualTo(RETRY_AFTER);
                    assertThat(refused.getMessage()).contains("KES-USD", "simulator", "at most 30 s old");
                });
    }

    @Test
    void aRateAheadOfMizanisClockIsAcceptedWithinTheSkewOnly() {
        assertThat(judgedAt(FIXED_AT.minus(SKEW)).current(KES, USD).asOf()).isEqualTo(FIXED_AT);
        assertThatThrownBy(() -> judgedAt(FIXED_AT.minus(SKEW).minusMillis(1)).current(KES, USD))
                .isInstanceOfSatisfying(RetryLater.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE);
                    assertThat(refused.getMessage()).contains("ahead of Mizani's clock");
                });
    }

    @Test
    void theSourcesOwnRefusalPassesThrough() {
        SimulatorFaultKnob fault = new SimulatorFaultKnob(SimulatorFault.OUTAGE);
        SimulatedRateSource down = new SimulatedRateSource(SimulatedRates.DEFAULT, Spreads.uniform(50), fault,
                Clock.fixed(FIXED_AT, ZoneOffset.UTC), Duration.ofSeconds(9));
        FreshRates fresh = new FreshRates(down, Clock.fixed(FIXED_AT, ZoneOffset.UTC), MAX_AGE, SKEW, RETRY_AFTER);

        assertThatThrownBy(() -> fresh.current(KES, USD)).isInstanceOfSatisfying(RetryLater.class,
                refused -> assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(9)));
    }
}
