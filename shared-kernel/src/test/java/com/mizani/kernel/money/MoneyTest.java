package com.mizani.kernel.money;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void parsesMajorUnitsWithCentsIntoMinorUnits() {
        assertThat(Money.parsePositive("1250.50", CurrencyCode.KES)).isEqualTo(Money.of(125_050, CurrencyCode.KES));
    }

    @Test
    void parsesMajorUnitsWithoutDecimalsIntoMinorUnits() {
        assertThat(Money.parsePositive("1250", CurrencyCode.KES)).isEqualTo(Money.of(125_000, CurrencyCode.KES));
    }

    @Test
    void parsesSingleDecimalByPaddingToTheCurrencysMinorDigits() {
        assertThat(Money.parsePositive("0.5", CurrencyCode.KES)).isEqualTo(Money.of(50, CurrencyCode.KES));
    }

    @Test
    void parsesCurrencyWithoutMinorUnitsOneToOne() {
        assertThat(Money.parsePositive("1250", CurrencyCode.UGX)).isEqualTo(Money.of(1250, CurrencyCode.UGX));
    }

    @Test
    void parsesTheSmallestPositiveAmount() {
        assertThat(Money.parsePositive("0.01", CurrencyCode.KES)).isEqualTo(Money.of(1, CurrencyCode.KES));
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertRefusedWith(() -> Money.parsePositive("12.345", CurrencyCode.KES), ErrorCode.INVALID_AMOUNT);
    }

    @Test
    void refusesAnyDecimalsForACurrencyWithoutMinorUnits() {
        assertRefusedWith(() -> Money.parsePositive("1.5", CurrencyCode.UGX), ErrorCode.INVALID_AMOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "+5", "0", "0.00", "1e5", "1,000", " 12", "12 ", "abc", "12.", ".5", "١٢",
            "1234567890123456789"})
    void refusesMalformedOrNonPositiveAmountsWithInvalidAmount(String amount) {
        assertRefusedWith(() -> Money.parsePositive(amount, CurrencyCode.KES), ErrorCode.INVALID_AMOUNT);
    }

    @Test
    void refusesAnAmountWhoseMinorUnitsOverflowALong() {
        // 18 integer digits are allowed by the pattern, but with two minor digits this exceeds Long.MAX_VALUE.
        assertRefusedWith(() -> Money.parsePositive("999999999999999999.99", CurrencyCode.KES), ErrorCode.INVALID_AMOUNT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void refusesMissingAmountWithValidationFailed(String amount) {
        assertRefusedWith(() -> Money.parsePositive(amount, CurrencyCode.KES), ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void formatsWithExactlyTheCurrencysDecimals() {
        assertThat(Money.format(125_050, CurrencyCode.KES)).isEqualTo("1250.50");
        assertThat(Money.format(0, CurrencyCode.KES)).isEqualTo("0.00");
    }

    @Test
    void formatsFewerMinorUnitsThanDigitsWithALeadingZero() {
        assertThat(Money.format(5, CurrencyCode.KES)).isEqualTo("0.05");
        assertThat(Money.format(50, CurrencyCode.KES)).isEqualTo("0.50");
    }

    @Test
    void formatsNegativeAmountsWithALeadingSign() {
        assertThat(Money.format(-125_050, CurrencyCode.KES)).isEqualTo("-1250.50");
        assertThat(Money.format(-5, CurrencyCode.KES)).isEqualTo("-0.05");
    }

    @Test
    void formatsTheMostNegativeLongWithASingleSign() {
        assertThat(Money.format(Long.MIN_VALUE, CurrencyCode.KES)).isEqualTo("-92233720368547758.08");
    }

    @Test
    void formatsCurrencyWithoutMinorUnitsWithoutDecimalPoint() {
        assertThat(Money.format(1250, CurrencyCode.UGX)).isEqualTo("1250");
        assertThat(Money.format(-1250, CurrencyCode.UGX)).isEqualTo("-1250");
    }

    @Test
    void toStringShowsDecimalAmountAndCurrency() {
        assertThat(Money.of(125_050, CurrencyCode.KES).toString()).isEqualTo("1250.50 KES");
    }

    @Test
    void parseAndFormatRoundTrip() {
        Money parsed = Money.parsePositive("98765.43", CurrencyCode.USD);
        assertThat(parsed.toDecimalString()).isEqualTo("98765.43");
    }

    @Test
    void refusesAMissingCurrency() {
        assertThatThrownBy(() -> Money.of(5, null)).isInstanceOf(NullPointerException.class);
    }

    private static void assertRefusedWith(Runnable action, ErrorCode expected) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(MizaniException.class, refusal -> assertThat(refusal.code()).isEqualTo(expected));
    }
}
