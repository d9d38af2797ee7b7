package com.mizani.bench;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * The currencies the fx scenario converts between, and how it picks each conversion: a random pair, a random amount
 * of the size a customer sends, priced by what leaves the source ({@code fromAmount}) or, less often, by what reaches
 * the destination ({@code toAmount}). The four currencies have three exponents (KES and USD 2, UGX 0, KWD 3), so that
 * every rounding path of the pricing runs; the app's rate simulator quotes every pair of them.
 */
final class FxMarket {

    /**
     * One currency of the scenario.
     *
     * @param digits          its minor unit's exponent
     * @param fundingMinor    what each of its wallets is funded with: far more than the conversions of a run take out
     * @param leastMinor      the smallest amount a conversion names in it
     * @param mostMinor       the largest; the bounds are worth about 1 to 40 US dollars in every currency, so that a
     *                        conversion priced by its destination stays within what its source was funded with
     */
    record Currency(String code, int digits, long fundingMinor, long leastMinor, long mostMinor) {

        String decimal(long minor) {
            return BigDecimal.valueOf(minor, digits).toPlainString();
        }

        long minor(String decimal) {
            return new BigDecimal(decimal).movePointRight(digits).longValueExact();
        }
    }

    static final List<Currency> CURRENCIES = List.of(
            new Currency("KES", 2, 100_000_000, 10_000, 500_000),
            new Currency("USD", 2, 1_000_000, 100, 4_000),
            new Currency("UGX", 0, 30_000_000, 3_700, 150_000),
            new Currency("KWD", 3, 3_000_000, 300, 12_000));
    /** The share of quotes priced by the destination's amount; the rest name what leaves the source. */
    static final double TO_AMOUNT_SHARE = 0.2;

    /**
     * A quote to ask for.
     *
     * @param byToAmount whether {@code amountMinor} is what the destination receives (in {@code to}), else what
     *                   leaves the source (in {@code from})
     */
    record Order(Currency from, Currency to, boolean byToAmount, long amountMinor) {

        String quoteJson() {
            return "{\"fromCurrency\":\"%s\",\"toCurrency\":\"%s\",\"%s\":\"%s\"}".formatted(from.code(), to.code(),
                    byToAmount ? "toAmount" : "fromAmount", (byToAmount ? to : from).decimal(amountMinor));
        }
    }

    private FxMarket() {
    }

    static Order order(Random random) {
        Currency from = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        Currency to;
        do {
            to = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        } while (to.equals(from));
        boolean byToAmount = random.nextDouble() < TO_AMOUNT_SHARE;
        Currency named = byToAmount ? to : from;
        long amount = named.leastMinor() + (long) (random.nextDouble() * (named.mostMinor() - named.leastMinor()));
        return new Order(from, to, byToAmount, amount);
    }

    static Currency currency(String code) {
        return CURRENCIES.stream().filter(currency -> currency.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a currency of the fx scenario: " + code));
    }

    /** The settings line of the report. */
    static String describe() {
        StringBuilder text = new StringBuilder();
        for (Currency currency : CURRENCIES) {
            text.append(text.isEmpty() ? "" : "; ").append("%s (%d decimals): wallets funded with %s, amounts %s to %s"
                    .formatted(currency.code(), currency.digits(), currency.decimal(currency.fundingMinor()),
                            currency.decimal(currency.leastMinor()), currency.decimal(currency.mostMinor())));
        }
        return text + "; a random pair of different currencies, %d%% of quotes by toAmount".formatted(
                Math.round(TO_AMOUNT_SHARE * 100));
    }
}
