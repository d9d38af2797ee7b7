package com.mizani.kernel.money;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrencyCodeTest {

    @Test
    void parsesASupportedUpperCaseCode() {
        assertThat(CurrencyCode.parse("KES")).isEqualTo(CurrencyCode.KES);
    }

    @Test
    void knowsEachCurrencysMinorDigits() {
        assertThat(CurrencyCode.KES.minorDigits()).isEqualTo(2);
        assertThat(CurrencyCode.UGX.minorDigits()).isZero();
        assertThat(CurrencyCode.RWF.minorDigits()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kes", "Kes", "XXX", " KES", "KES ", "KESX"})
    void refusesUnknownOrWronglyWrittenCodesWithUnknownCurrency(String code) {
        assertThatThrownBy(() -> CurrencyCode.parse(code))
                .isInstanceOfSatisfying(MizaniException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.UNKNOWN_CURRENCY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesAMissingCodeWithValidationFailed(String code) {
        assertThatThrownBy(() -> CurrencyCode.parse(code))
                .isInstanceOfSatisfying(MizaniException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void abbreviatesAnOverlongCodeInTheRefusalMessage() {
        String longCode = "A".repeat(200);
        assertThatThrownBy(() -> CurrencyCode.parse(longCode))
                .isInstanceOf(MizaniException.class)
                .hasMessageContaining("A".repeat(16) + "...")
                .hasMessageNotContaining("A".repeat(17));
    }
}
