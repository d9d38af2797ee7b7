package com.mizani.command.fx.rates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulator's table of mid-market rates: the pairs as given, one direction each, and every pair's inverse derived
 * from them. A derived inverse is 1 / rate to {@link #INVERSE_PRECISION}, so that it is the same number on every
 * machine and in every run; a pair given in both directions keeps both as given.
 */
public final class SimulatedRates {

    /**
     * Twelve significant digits, half to even: a derived rate is off the exact inverse by at most 5 parts in 10^12
     * of itself, which keeps any amount Mizani can move (below 10^11 major units) within a fraction of its minor unit.
     */
    public static final MathContext INVERSE_PRECISION = new MathContext(12, RoundingMode.HALF_EVEN);

    /**
     * What a fresh local run quotes: every pair of KES, UGX, TZS, USD, EUR, GBP and KWD, figures of the order of the
     * real ones in late 2025 (made up, consistent with each other to three or four digits; never a live rate).
     */
    public static final SimulatedRates DEFAULT = new SimulatedRates(defaultTable());

    private final Map<CurrencyPair, BigDecimal> given;
    private final Map<CurrencyPair, BigDecimal> quoted;

    public SimulatedRates(Map<CurrencyPair, BigDecimal> given) {
        given.forEach((pair, rate) -> {
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("the simulated rate of " + pair + " must be positive: " + rate);
            }
        });
        this.given = Collections.unmodifiableMap(sortedByName(given));
        Map<CurrencyPair, BigDecimal> all = new LinkedHashMap<>();
        given.forEach((pair, rate) -> all.putIfAbsent(pair.inverse(), BigDecimal.ONE.divide(rate, INVERSE_PRECISION)));
        // Given rates win over derived ones: put after, replacing any inverse of a pair given both ways.
        all.putAll(given);
        this.quoted = Map.copyOf(all);
    }

    /**
     * This table with {@code overrides} laid over it: an overriding pair replaces the pair and its inverse, so that a
     * configured KES-USD is never contradicted by a default USD-KES.
     */
    public SimulatedRates with(Map<CurrencyPair, BigDecimal> overrides) {
        Map<CurrencyPair, BigDecimal> merged = new LinkedHashMap<>(given);
        overrides.keySet().forEach(pair -> {
            merged.remove(pair);
            merged.remove(pair.inverse());
        });
        merged.putAll(overrides);
        return new SimulatedRates(merged);
    }

    /** The rate of the pair, given or derived; empty for a pair the table does not quote. */
    public Optional<BigDecimal> rateOf(CurrencyPair pair) {
        return Optional.ofNullable(quoted.get(pair));
    }

    /** The pairs as given, by name ({@code EUR-GBP} before {@code EUR-KES}): what the simulator's admin shows. */
    public Map<CurrencyPair, BigDecimal> given() {
        return given;
    }

    private static Map<CurrencyPair, BigDecimal> sortedByName(Map<CurrencyPair, BigDecimal> rates) {
        Map<CurrencyPair, BigDecimal> sorted = new TreeMap<>(
                (one, other) -> one.toString().compareTo(other.toString()));
        sorted.putAll(rates);
        return sorted;
    }

    private static Map<CurrencyPair, BigDecimal> defaultTable() {
        Map<CurrencyPair, BigDecimal> table = new LinkedHashMap<>();
        // Against the dollar.
        put(table, "USD-KES", "129.20");
        put(table, "USD-UGX", "3650");
        put(table, "USD-TZS", "2450");
        put(table, "EUR-USD", "1.16");
        put(table, "GBP-USD", "1.33");
        put(table, "USD-KWD", "0.3065");
        // East African crosses.
        put(table, "KES-UGX", "28.25");
        put(table, "KES-TZS", "18.96");
        put(table, "UGX-TZS", "0.6712");
        // Shillings against the euro, the pound and the dinar.
        put(table, "EUR-KES", "149.9");
        put(table, "GBP-KES", "171.8");
        put(table, "KWD-KES", "421.5");
        put(table, "EUR-UGX", "4234");
        put(table, "GBP-UGX", "4855");
        put(table, "KWD-UGX", "11910");
        put(table, "EUR-TZS", "2842");
        put(table, "GBP-TZS", "3258");
        put(table, "KWD-TZS", "7993");
        // The euro, the pound and the dinar among themselves.
        put(table, "EUR-GBP", "0.8722");
        put(table, "EUR-KWD", "0.3555");
        put(table, "GBP-KWD", "0.4076");
        return table;
    }

    private static void put(Map<CurrencyPair, BigDecimal> table, String pair, String rate) {
        table.put(CurrencyPair.parse(pair), new BigDecimal(rate));
    }
}
