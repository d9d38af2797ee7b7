package com.mizani.command.fx;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.fx.FxTerms;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Prices a conversion in whole minor units, exactly (docs/fx.md, "Rounding"). The rate is first fixed at
 * {@link FxTerms#RATE_SCALE} decimals, and that is the rate the quote shows and the conversion uses. Then one rule:
 * <b>the customer absorbs the remainder</b>. What the customer receives is rounded down and what the customer pays is
 * rounded up, each to its currency's minor unit. The fee is {@code spreadBps} of the converted amount, rounded up.
 * <ul>
 *   <li>By source amount: the largest converted amount whose fee still fits in the source is converted; whatever is
 *   left of the source (less than one minor unit's worth of fee) is added to the fee, so the source is spent
 *   exactly.</li>
 *   <li>By destination amount: the destination receives exactly what was asked; the smallest converted amount that
 *   buys it is charged, plus its fee.</li>
 * </ul>
 * In both, source = converted + fee in the source currency, and the destination amount is whole: no minor unit is
 * made or lost in either currency. Nothing here is a floating point number.
 */
public final class FxPricing {

    private static final BigInteger BASIS = BigInteger.valueOf(10_000);

    private FxPricing() {
    }

    /** The rate at the scale quotes show and compute with; a rate too small to show is not quoted. */
    public static BigDecimal fixedRate(FxRate rate) {
        BigDecimal fixed = rate.rate().setScale(FxTerms.RATE_SCALE, RoundingMode.HALF_EVEN);
        if (fixed.signum() <= 0) {
            throw new MizaniException(ErrorCode.FX_PAIR_UNSUPPORTED,
                    "the rate of %s to %s is below what Mizani quotes".formatted(rate.from(), rate.to()));
        }
        return fixed;
    }

    /** Prices converting exactly {@code sourceMinor} of the rate's source currency, fee included. */
    public static FxTerms forSource(FxRate rate, long sourceMinor, long maxAmountMinor) {
        requireInRange(sourceMinor, maxAmountMinor);
        BigDecimal fixed = fixedRate(rate);
        int bps = rate.spreadBps();
        // converted + ceil(converted * bps / 10^4) <= source  <=>  converted <= source * 10^4 / (10^4 + bps)
        long converted = BigInteger.valueOf(sourceMinor).multiply(BASIS)
                .divide(BASIS.add(BigInteger.valueOf(bps))).longValueExact();
        BigInteger destinationExact = convertDown(converted, rate.from(), rate.to(), fixed);
        if (destinationExact.signum() <= 0) {
            throw tooSmall(Money.of(sourceMinor, rate.from()), rate.to());
        }
        long destination = inRange(destinationExact, maxAmountMinor);
        return new FxTerms(Money.of(sourceMinor, rate.from()), Money.of(sourceMinor - converted, rate.from()),
                Money.of(destination, rate.to()), fixed.toPlainString(), bps);
    }

    /** Prices receiving exactly {@code destinationMinor} of the rate's destination currency. */
    public static FxTerms forDestination(FxRate rate, long destinationMinor, long maxAmountMinor) {
        requireInRange(destinationMinor, maxAmountMinor);
        BigDecimal fixed = fixedRate(rate);
        int bps = rate.spreadBps();
        // The smallest converted amount whose conversion, rounded down, is at least the destination amount.
        BigDecimal perSourceMinor = destinationMinorPerSourceMinor(rate.from(), rate.to(), fixed);
        BigInteger converted = new BigDecimal(destinationMinor).divide(perSourceMinor, 0, RoundingMode.CEILING)
                .toBigIntegerExact();
        long source = inRange(converted.add(BigInteger.valueOf(feeOf(inRange(converted, maxAmountMinor), bps))),
                maxAmountMinor);
        long fee = source - converted.longValueExact();
        return new FxTerms(Money.of(source, rate.from()), Money.of(fee, rate.from()),
                Money.of(destinationMinor, rate.to()), fixed.toPlainString(), bps);
    }

    /** {@code spreadBps} of the converted amount, rounded up. */
    static long feeOf(long convertedMinor, int spreadBps) {
        BigInteger[] quotient = BigInteger.valueOf(convertedMinor).multiply(BigInteger.valueOf(spreadBps))
                .divideAndRemainder(BASIS);
        return quotient[0].longValueExact() + (quotient[1].signum() > 0 ? 1 : 0);
    }

    /** {@code sourceMinor} converted at {@code rate}, rounded down to the destination's minor unit. */
    static BigInteger convertDown(long sourceMinor, CurrencyCode from, CurrencyCode to, BigDecimal rate) {
        return new BigDecimal(sourceMinor).multiply(destinationMinorPerSourceMinor(from, to, rate))
                .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
    }

    /** How many minor units of {@code to} one minor unit of {@code from} buys: rate * 10^(to digits - from digits). */
    static BigDecimal destinationMinorPerSourceMinor(CurrencyCode from, CurrencyCode to, BigDecimal rate) {
        return rate.scaleByPowerOfTen(to.minorDigits() - from.minorDigits());
    }

    private static void requireInRange(long amountMinor, long maxAmountMinor) {
        if (amountMinor <= 0) {
            throw new MizaniException(ErrorCode.INVALID_AMOUNT, "amount must be greater than zero");
        }
        if (amountMinor > maxAmountMinor) {
            throw new MizaniException(ErrorCode.AMOUNT_OUT_OF_RANGE,
                    "one conversion may move at most %d minor units on either side".formatted(maxAmountMinor));
        }
    }

    /** An amount the conversion arrived at, refused when it is more than one request may move. */
    private static long inRange(BigInteger amountMinor, long maxAmountMinor) {
        if (amountMinor.compareTo(BigInteger.valueOf(maxAmountMinor)) > 0) {
            throw new MizaniException(ErrorCode.AMOUNT_OUT_OF_RANGE,
                    "the conversion would move more than %d minor units on one side".formatted(maxAmountMinor));
        }
        return amountMinor.longValueExact();
    }

    private static MizaniException tooSmall(Money source, CurrencyCode to) {
        return new MizaniException(ErrorCode.AMOUNT_TOO_SMALL,
                "%s converts to less than one minor unit of %s after the fee".formatted(source, to));
    }
}
