package com.mizani.providersim;

/**
 * KES amounts. Daraja requests carry whole shillings; the simulator's books count cents ("minor" units, as a
 * long) so that balances can be reported the way Daraja formats them, with two decimals.
 */
final class Money {

    static final String CURRENCY = "KES";
    /** Keeps every sum of amounts far from long overflow, even over millions of transactions. */
    static final long MAX_WHOLE_AMOUNT = 10_000_000_000L;

    private Money() {
    }

    static long minor(long wholeKes) {
        return Math.multiplyExact(wholeKes, 100L);
    }

    /** Daraja's balance format: {@code 49197.00}, {@code -5.50}. */
    static String kes(long minor) {
        String sign = minor < 0 ? "-" : "";
        long abs = Math.abs(minor);
        return "%s%d.%02d".formatted(sign, abs / 100, abs % 100);
    }
}
