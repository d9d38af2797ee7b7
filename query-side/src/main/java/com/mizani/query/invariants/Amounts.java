package com.mizani.query.invariants;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;

/**
 * Formats amounts of the rows the watchdog reads. Those rows may have been altered behind the application's back,
 * even to a currency Mizani does not hold; the report must still be written, so such amounts stay in minor units.
 */
final class Amounts {

    private Amounts() {
    }

    static String format(long amountMinor, String currency) {
        for (CurrencyCode known : CurrencyCode.values()) {
            if (known.name().equals(currency)) {
                return Money.format(amountMinor, known);
            }
        }
        return amountMinor + " minor units";
    }
}
