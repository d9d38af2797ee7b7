package com.mizani.command.fx.rates;

import com.mizani.kernel.money.CurrencyCode;

import java.util.Locale;
import java.util.Objects;

/** Two different currencies in a direction: a rate of the pair says how many {@code to} one {@code from} buys. */
public record CurrencyPair(CurrencyCode from, CurrencyCode to) {

    public CurrencyPair {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from == to) {
            throw new IllegalArgumentException("a pair joins two different currencies, not " + from + " to itself");
        }
    }

    /**
     * A pair as settings name it: {@code KES-USD}. Case and the separator are forgiven ({@code kes-usd}, {@code KES_USD},
     * {@code KESUSD}), because environment variables and relaxed binding change both on the way to the map key.
     */
    public static CurrencyPair parse(String key) {
        String letters = key == null ? "" : key.replaceAll("[-_./ ]", "").toUpperCase(Locale.ROOT);
        if (letters.length() != 6) {
            throw new IllegalArgumentException("a currency pair is written FROM-TO, such as KES-USD: " + key);
        }
        return new CurrencyPair(currency(letters.substring(0, 3), key), currency(letters.substring(3), key));
    }

    private static CurrencyCode currency(String code, String key) {
        try {
            return CurrencyCode.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("the pair " + key + " names " + code + ", which Mizani does not hold");
        }
    }

    public CurrencyPair inverse() {
        return new CurrencyPair(to, from);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
