package com.mizani.command.fx.rates;

import com.mizani.kernel.money.CurrencyCode;

import java.util.Map;

/**
 * The spread Mizani charges on each pair, in basis points. It is Mizani's price, not the rate source's, so every
 * source takes it from here: a pair's own spread, else its inverse's (a spread set on KES-USD holds for USD-KES too,
 * unless USD-KES has its own), else the default.
 */
public record Spreads(int defaultBps, Map<CurrencyPair, Integer> perPairBps) {

    public Spreads {
        requireBps("the default spread", defaultBps);
        perPairBps = Map.copyOf(perPairBps);
        perPairBps.forEach((pair, bps) -> requireBps("the spread of " + pair, bps));
    }

    public static Spreads uniform(int bps) {
        return new Spreads(bps, Map.of());
    }

    public int bpsOf(CurrencyCode from, CurrencyCode to) {
        CurrencyPair pair = new CurrencyPair(from, to);
        Integer own = perPairBps.get(pair);
        if (own != null) {
            return own;
        }
        return perPairBps.getOrDefault(pair.inverse(), defaultBps);
    }

    /** FxRate's own bounds: a spread of 10,000 bps or more would keep the whole amount. */
    private static void requireBps(String what, int bps) {
        if (bps < 0 || bps >= 10_000) {
            throw new IllegalArgumentException(what + " must be 0 to 9,999 basis points: " + bps);
        }
    }
}
