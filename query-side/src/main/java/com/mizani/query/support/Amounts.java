package com.mizani.query.support;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

/**
 * Formats amounts of rows that checks read. Those rows may have been altered behind the application's back, even to
 * a currency Mizani does not hold; the check must still answer, so such amounts stay in minor units.
 */
public final class Amounts {

    private Amounts() {
    }

    public static String format(long amountMinor, String currency) {
        for (CurrencyCode known : CurrencyCode.values()) {
            if (known.name().equals(currency)) {
                return Money.format(amountMinor, known);
            }
        }
        return amountMinor + " minor units";
    }
}
