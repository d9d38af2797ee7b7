package com.mizani.kernel.money;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

/**
 * The ISO 4217 currencies Mizani holds, each with the number of minor units it is counted in.
 * The list is closed on purpose: a currency is added only once its minor units and providers are known.
 */
public enum CurrencyCode {
    KES(2), UGX(0), TZS(2), RWF(0), NGN(2), GHS(2), ZAR(2), USD(2), EUR(2), GBP(2), KWD(3);

    private final int minorDigits;

    CurrencyCode(int minorDigits) {
        this.minorDigits = minorDigits;
    }

    public int minorDigits() {
        return minorDigits;
    }

    /** 10 to the power of the minor digits: how many minor units make one major unit. */
    public long minorUnitsPerMajor() {
        long factor = 1;
        for (int i = 0; i < minorDigits; i++) {
            factor *= 10;
        }
        return factor;
    }

    /** Parses an ISO 4217 code exactly as written (upper case); anything else is refused. */
    public static CurrencyCode parse(String code) {
        if (code == null || code.isBlank()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "currency is required");
        }
        for (CurrencyCode candidate : values()) {
            if (candidate.name().equals(code)) {
                return candidate;
            }
        }
        throw new MizaniException(ErrorCode.UNKNOWN_CURRENCY,
                "currency '%s' is not a supported ISO 4217 code".formatted(abbreviate(code)));
    }

    private static String abbreviate(String text) {
        return text.length() <= 16 ? text : text.substring(0, 16) + "...";
    }
}
