package com.mizani.kernel.money;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of one currency in minor units. Never a floating point number: amounts cross the API
 * as decimal strings in major units and are converted here, exactly.
 */
public record Money(long amountMinor, CurrencyCode currency) {

    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,18})(?:\\.(\\d{1,18}))?");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amountMinor, CurrencyCode currency) {
        return new Money(amountMinor, currency);
    }

    /**
     * Parses a positive decimal string in major units ("1250.50") into minor units, refusing signs,
     * exponents, separators and more decimals than the currency has.
     */
    public static Money parsePositive(String decimal, CurrencyCode currency) {
        if (decimal == null || decimal.isBlank()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "amount is required");
        }
        var matcher = DECIMAL.matcher(decimal);
        if (!matcher.matches()) {
            throw new MizaniException(ErrorCode.INVALID_AMOUNT,
                    "amount must be a decimal string in major units, like \"1250.50\"");
        }
        String fraction = matcher.group(2) == null ? "" : matcher.group(2);
        if (fraction.length() > currency.minorDigits()) {
            throw new MizaniException(ErrorCode.INVALID_AMOUNT,
                    "%s allows at most %d decimal places".formatted(currency, currency.minorDigits()));
        }
        String padding = "0".repeat(currency.minorDigits() - fraction.length());
        long minor;
        try {
            minor = Long.parseLong(matcher.group(1) + fraction + padding);
        } catch (NumberFormatException tooLarge) {
            throw new MizaniException(ErrorCode.INVALID_AMOUNT, "amount is too large");
        }
        if (minor <= 0) {
            throw new MizaniException(ErrorCode.INVALID_AMOUNT, "amount must be greater than zero");
        }
        return new Money(minor, currency);
    }

    /** Formats as a decimal string in major units with exactly the currency's decimals. */
    /** The sum in the same currency; overflow is an error, never a wrap-around. */
    public Money plus(Money other) {
        if (other.currency != currency) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(amountMinor, other.amountMinor), currency);
    }

    /** True when the amount has no fraction of a major unit (mobile money pays whole shillings). */
    public boolean isWholeMajorUnits() {
        return amountMinor % currency.minorUnitsPerMajor() == 0;
    }

    public String toDecimalString() {
        return format(amountMinor, currency);
    }

    public static String format(long amountMinor, CurrencyCode currency) {
        int digits = currency.minorDigits();
        if (digits == 0) {
            return Long.toString(amountMinor);
        }
        String sign = amountMinor < 0 ? "-" : "";
        // Strip the sign from the text rather than negating: Math.abs(Long.MIN_VALUE) is still negative.
        String abs = Long.toString(amountMinor).substring(sign.length());
        if (abs.length() <= digits) {
            abs = "0".repeat(digits - abs.length() + 1) + abs;
        }
        int point = abs.length() - digits;
        return sign + abs.substring(0, point) + "." + abs.substring(point);
    }

    @Override
    public String toString() {
        return toDecimalString() + " " + currency;
    }
}
