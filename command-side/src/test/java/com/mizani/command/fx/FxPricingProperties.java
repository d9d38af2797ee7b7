package com.mizani.command.fx;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.money.CurrencyCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any amount, rate, spread and pair of exponents (KES 2, UGX 0, KWD 3...): the source is exactly the converted
 * amount plus the fee, the destination never gets more than the converted amount is worth and never a whole minor unit
 * less (by source) or exactly what was asked (by destination), and the fee is the spread rounded up.
 */
class FxPricingProperties {

    private static final long MAX = 10_000_000_000_000L;

    @Property(tries = 2000)
    void bySourceNoMinorUnitIsMadeOrLost(@ForAll("rates") FxRate rate, @ForAll @LongRange(min = 1, max = MAX) long source) {
        FxTerms terms;
        try {
            terms = FxPricing.forSource(rate, source, MAX);
        } catch (MizaniException refused) {
            assertThat(refused.code()).isIn(ErrorCode.AMOUNT_TOO_SMALL, ErrorCode.AMOUNT_OUT_OF_RANGE);
            return;
        }
        long converted = terms.converted().amountMinor();
        assertThat(terms.source().amountMinor()).isEqualTo(source);
        assertThat(converted + terms.fee().amountMinor()).isEqualTo(source);
        assertThat(terms.fee().amountMinor()).isBetween(FxPricing.feeOf(converted, rate.spreadBps()),
                FxPricing.feeOf(converted, rate.spreadBps()) + 1);
        BigDecimal worth = worth(converted, terms);
        assertThat(BigDecimal.valueOf(terms.destination().amountMinor())).isLessThanOrEqualTo(worth)
                .isGreaterThan(worth.subtract(BigDecimal.ONE));
        // The largest converted amount whose fee fits: one more would not leave room for its own fee.
        assertThat(converted + 1 + FxPricing.feeOf(converted + 1, rate.spreadBps())).isGreaterThan(source);
    }

    @Property(tries = 2000)
    void byDestinationTheDestinationGetsExactlyWhatWasAsked(@ForAll("rates") FxRate rate,
                                                           @ForAll @LongRange(min = 1, max = MAX) long destination) {
        FxTerms terms;
        try {
            terms = FxPricing.forDestination(rate, destination, MAX);
        } catch (MizaniException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.AMOUNT_OUT_OF_RANGE);
            return;
        }
        long converted = terms.converted().amountMinor();
        assertThat(terms.destination().amountMinor()).isEqualTo(destination);
        assertThat(terms.fee().amountMinor()).isEqualTo(FxPricing.feeOf(converted, rate.spreadBps()));
        assertThat(converted + terms.fee().amountMinor()).isEqualTo(terms.source().amountMinor());
        // Converted buys at least the destination, and one minor unit less would not.
        assertThat(worth(converted, terms)).isGreaterThanOrEqualTo(BigDecimal.valueOf(destination));
        assertThat(worth(converted - 1, terms)).isLessThan(BigDecimal.valueOf(destination));
    }

    @Property(tries = 500)
    void theFeeIsTheSpreadOfTheConvertedAmountRoundedUp(@ForAll @LongRange(min = 0, max = MAX) long converted,
                                                        @ForAll @IntRange(min = 0, max = 9_999) int bps) {
        long fee = FxPricing.feeOf(converted, bps);
        BigDecimal exact = BigDecimal.valueOf(converted).multiply(BigDecimal.valueOf(bps)).movePointLeft(4);
        assertThat(BigDecimal.valueOf(fee)).isGreaterThanOrEqualTo(exact).isLessThan(exact.add(BigDecimal.ONE));
    }

    /** The exact worth, in destination minor units, of {@code sourceMinor} at the terms' rate. */
    private static BigDecimal worth(long sourceMinor, FxTerms terms) {
        return new BigDecimal(sourceMinor).multiply(FxPricing.destinationMinorPerSourceMinor(
                terms.source().currency(), terms.destination().currency(), new BigDecimal(terms.rate())));
    }

    @Provide
    Arbitrary<FxRate> rates() {
        Arbitrary<CurrencyCode> currencies = Arbitraries.of(CurrencyCode.class);
        // Rates from 10^-6 to 10^6 with up to 12 decimals, so that fixing them at 8 decimals is exercised too.
        Arbitrary<BigDecimal> rates = Arbitraries.bigDecimals()
                .between(new BigDecimal("0.000001"), new BigDecimal("1000000")).ofScale(12);
        Arbitrary<Integer> spreads = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 9_999));
        return Combinators.combine(currencies, currencies, rates, spreads).filter((from, to, r, s) -> from != to)
                .as((from, to, r, s) -> new FxRate(from, to, r, s, Instant.EPOCH, "test"));
    }

    @Property(tries = 200)
    void aRateTooSmallToShowIsNotQuoted(@ForAll @LongRange(min = 1, max = 4) long tiny) {
        FxRate rate = new FxRate(CurrencyCode.UGX, CurrencyCode.KWD, new BigDecimal(tiny).movePointLeft(9), 0,
                Instant.EPOCH, "test");
        Assume.that(rate.rate().compareTo(new BigDecimal("0.000000005")) < 0);
        try {
            FxPricing.forSource(rate, 1_000, MAX);
            throw new AssertionError("a rate that shows as 0 was quoted");
        } catch (MizaniException refused) {
            assertThat(refused.code()).isEqualTo(ErrorCode.FX_PAIR_UNSUPPORTED);
        }
    }
}
