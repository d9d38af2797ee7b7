package com.mizani.providersim;

/**
 * The faults the simulator injects, so the app's payment adapter can be tested against a provider that
 * misbehaves the way real ones do. Rates are probabilities in [0, 1], drawn from the seeded {@link FaultDice}.
 * The transport faults (server errors, timeouts) and the payout failure apply to the two transaction calls
 * (B2C and transaction status); the OAuth call only gets the latency, so a test can always obtain a token.
 *
 * @param latencyMs             added before every provider answer (after processing, so a slow answer can
 *                              still mean "paid")
 * @param timeoutRate           the request is processed but never answered: the connection is held for
 *                              {@code timeoutHoldMs} and then closed without a response
 * @param timeoutHoldMs         how long an unanswered connection is held before it is dropped
 * @param serverErrorRate       HTTP 500 or 503 without processing anything
 * @param failureRate           a B2C payout ends in a definitive failure result with {@code failureResultCode}
 * @param failureResultCode     the Daraja ResultCode of injected failures (1 insufficient funds, 2001 invalid
 *                              initiator, ...); never 0, which means success
 * @param duplicateCallbackRate the result callback is sent twice, byte for byte
 * @param lostCallbackRate      the request is processed (and paid) but its result callback is never sent
 * @param lateCallbackMs        every callback waits this long before it is sent
 * @param outOfOrder            callbacks are delivered in swapped order: each waits (up to {@code lateCallbackMs},
 *                              or one second when that is 0) for the next callback and goes out after it
 */
public record Faults(
        long latencyMs,
        double timeoutRate,
        long timeoutHoldMs,
        double serverErrorRate,
        double failureRate,
        int failureResultCode,
        double duplicateCallbackRate,
        double lostCallbackRate,
        long lateCallbackMs,
        boolean outOfOrder) {

    /** A well-behaved provider. */
    public static final Faults NONE = new Faults(0, 0, 30_000, 0, 0, ResultCodes.INSUFFICIENT_FUNDS, 0, 0, 0, false);

    public Faults {
        requireNotNegative("latencyMs", latencyMs);
        requireNotNegative("timeoutHoldMs", timeoutHoldMs);
        requireNotNegative("lateCallbackMs", lateCallbackMs);
        requireRate("timeoutRate", timeoutRate);
        requireRate("serverErrorRate", serverErrorRate);
        requireRate("failureRate", failureRate);
        requireRate("duplicateCallbackRate", duplicateCallbackRate);
        requireRate("lostCallbackRate", lostCallbackRate);
        if (failureResultCode == ResultCodes.SUCCESS) {
            throw new IllegalArgumentException("failureResultCode must not be 0: 0 is Daraja's success code");
        }
    }

    public Faults withFailureRate(double rate, int resultCode) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, rate, resultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder);
    }

    private static void requireNotNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + rate);
        }
    }
}
