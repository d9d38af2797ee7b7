package com.mizani.command.fx.rates;

import com.mizani.command.fx.FxRate;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mizani.kernel.money.CurrencyCode.EUR;
import static com.mizani.kernel.money.CurrencyCode.GBP;
import static com.mizani.kernel.money.CurrencyCode.KES;
import static com.mizani.kernel.money.CurrencyCode.KWD;
import static com.mizani.kernel.money.CurrencyCode.RWF;
import static com.mizani.kernel.money.CurrencyCode.TZS;
import static com.mizani.kernel.money.CurrencyCode.UGX;
import static com.mizani.kernel.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedRateSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(7);

    private final SimulatorFaultKnob fault = new SimulatorFaultKnob(SimulatorFault.NONE);

    private SimulatedRateSource simulator(SimulatedRates rates, Spreads spreads) {
        return new SimulatedRateSource(rates, spreads, fault, CLOCK, RETRY_AFTER);
    }

    private SimulatedRateSource defaults() {
        return simulator(SimulatedRates.DEFAULT, Spreads.uniform(50));
    }

    @Test
    void aGivenPairIsQuotedAsWrittenFixedNowWithTheSpread() {
        FxRate rate = defaults().current(USD, KES);

        assertThat(rate.rate()).isEqualByComparingTo("129.20");
        assertThat(rate.rate().toPlainString()).isEqualTo("129.20");
        assertThat(rate.asOf()).isEqualTo(NOW);
        assertThat(rate.spreadBps()).isEqualTo(50);
        assertThat(rate.source()).isEqualTo("simulator");
    }

    @Test
    void anInverseIsOneOverTheRateToTwelveSignificantDigitsHalfEven() {
        assertThat(defaults().current(KES, USD).rate().toPlainString()).isEqualTo("0.00773993808050");
        assertThat(defaults().current(KWD, USD).rate().toPlainString()).isEqualTo("3.26264274062");
        assertThat(defaults().current(UGX, USD).rate().toPlainString()).isEqualTo("0.000273972602740");
        assertThat(defaults().current(UGX, KES).rate().toPlainString()).isEqualTo("0.0353982300885");
    }

    @Test
    void aFreshTableQuotesEveryPairOfTheSevenCurrenciesBothWays() {
        List<CurrencyCode> currencies = List.of(KES, UGX, TZS, USD, EUR, GBP, KWD);
        List<String> quoted = new ArrayList<>();
        for (CurrencyCode from : currencies) {
            for (CurrencyCode to : currencies) {
                if (from != to) {
                    FxRate rate = defaults().current(from, to);
                    assertThat(rate.rate().signum()).isPositive();
                    quoted.add(from + "-" + to);
                }
            }
        }
        assertThat(quoted).hasSize(42);
        assertThat(SimulatedRates.DEFAULT.given()).hasSize(21);
    }

    @Test
    void aConfiguredPairReplacesTheTablesRateOfThePairAndOfItsInverse() {
        SimulatedRates rates = SimulatedRates.DEFAULT.with(Map.of(CurrencyPair.parse("KES-USD"), new BigDecimal("0.0077")));
        SimulatedRateSource simulator = simulator(rates, Spreads.uniform(50));

        assertThat(simulator.current(KES, USD).rate().toPlainString()).isEqualTo("0.0077");
        assertThat(simulator.current(USD, KES).rate().toPlainString()).as("derived, not the default 129.20")
                .isEqualTo("129.870129870");
        assertThat(rates.given()).containsKey(CurrencyPair.parse("KES-USD")).doesNotContainKey(CurrencyPair.parse("USD-KES"));
        assertThat(simulator.current(USD, UGX).rate()).as("the rest of the table stays").isEqualByComparingTo("3650");
    }

    @Test
    void aPairGivenBothWaysKeepsBothAsGiven() {
        SimulatedRates rates = new SimulatedRates(Map.of(
                CurrencyPair.parse("KES-USD"), new BigDecimal("0.0077"),
                CurrencyPair.parse("USD-KES"), new BigDecimal("130")));

        assertThat(rates.rateOf(CurrencyPair.parse("KES-USD")).orElseThrow()).isEqualByComparingTo("0.0077");
        assertThat(rates.rateOf(CurrencyPair.parse("USD-KES")).orElseThrow()).isEqualByComparingTo("130");
    }

    @Test
    void aPairOutsideTheTableIsUnsupported() {
        assertThatThrownBy(() -> defaults().current(KES, RWF))
                .isInstanceOfSatisfying(MizaniException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.FX_PAIR_UNSUPPORTED))
                .isNotInstanceOf(RetryLater.class);
        assertThatThrownBy(() -> defaults().current(KES, KES))
                .isInstanceOfSatisfying(MizaniException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.FX_PAIR_UNSUPPORTED));
    }

    @Test
    void aPairsOwnSpreadHoldsForItsInverseUnlessThatHasOneToo() {
        Spreads spreads = new Spreads(50, Map.of(CurrencyPair.parse("KES-USD"), 75, CurrencyPair.parse("EUR-GBP"), 20,
                CurrencyPair.parse("GBP-EUR"), 30));
        SimulatedRateSource simulator = simulator(SimulatedRates.DEFAULT, spreads);

        assertThat(simulator.current(KES, USD).spreadBps()).isEqualTo(75);
        assertThat(simulator.current(USD, KES).spreadBps()).isEqualTo(75);
        assertThat(simulator.current(EUR, GBP).spreadBps()).isEqualTo(20);
        assertThat(simulator.current(GBP, EUR).spreadBps()).isEqualTo(30);
        assertThat(simulator.current(KES, UGX).spreadBps()).isEqualTo(50);
    }

    @Test
    void anOutageRefusesEveryPairWithRetryLaterUntilItEnds() {
        SimulatedRateSource simulator = defaults();
        fault.set(SimulatorFault.OUTAGE);

        assertThatThrownBy(() -> simulator.current(KES, USD)).isInstanceOfSatisfying(RetryLater.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE);
            assertThat(refused.retryAfter()).isEqualTo(RETRY_AFTER);
        });

        fault.set(SimulatorFault.NONE);
        assertThat(simulator.current(KES, USD).asOf()).isEqualTo(NOW);
    }

    @Test
    void staleRatesAreADayOldAndTheFreshnessCheckRefusesThem() {
        SimulatedRateSource simulator = defaults();
        FreshRates fresh = new FreshRates(simulator, CLOCK, Duration.ofSeconds(30), Duration.ofSeconds(2), RETRY_AFTER);
        fault.set(SimulatorFault.STALE);

        assertThat(simulator.current(KES, USD).asOf()).isEqualTo(NOW.minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> fresh.current(KES, USD)).isInstanceOfSatisfying(RetryLater.class, refused -> {
            assertThat(refused.code()).isEqualTo(ErrorCode.FX_UNAVAILABLE);
            assertThat(refused.retryAfter()).isEqualTo(RETRY_AFTER);
        });

        fault.set(SimulatorFault.NONE);
        assertThat(fresh.current(KES, USD).rate()).isEqualByComparingTo("0.00773993808050");
    }

    @Test
    void pairsAreReadAsSettingsWriteThem() {
        assertThat(CurrencyPair.parse("KES-USD")).isEqualTo(new CurrencyPair(KES, USD));
        assertThat(CurrencyPair.parse("kes-usd")).isEqualTo(new CurrencyPair(KES, USD));
        assertThat(CurrencyPair.parse("KES_USD")).isEqualTo(new CurrencyPair(KES, USD));
        assertThatThrownBy(() -> CurrencyPair.parse("KES-XXX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XXX");
        assertThatThrownBy(() -> CurrencyPair.parse("KESUSDX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulatedRates(Map.of(CurrencyPair.parse("KES-USD"), BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
