package com.mizani.providersim;

/**
 * The faults the simulator injects, so the app's payment adapter can be tested against a provider that
 * misbehaves the way real ones do. Rates are probabilities in [0, 1], drawn from the seeded {@link FaultDice}.
 * The transport faults (server errors, timeouts) apply to every Daraja call except OAuth, which only gets the
 * latency, so a test can always obtain a token. Java callers set knobs with the {@code with...} methods, starting
 * from {@link #NONE}: {@code Faults.NONE.withTimeoutRate(0.1).withLostCallbackRate(0.05)}.
 *
 * @param latencyMs             added before every provider answer (after processing, so a slow answer can
 *                              still mean "paid")
 * @param timeoutRate           the request is processed but never answered: the connection is held for
 *                              {@code timeoutHoldMs} and then closed without a response
 * @param timeoutHoldMs         how long an unanswered connection is held before it is dropped
 * @param serverErrorRate       HTTP 500 or 503 without processing anything
 * @param failureRate           a B2C payout or an STK push ends in a definitive failure result with
 *                              {@code failureResultCode}; no money moves
 * @param failureResultCode     the Daraja ResultCode of injected failures (1 insufficient funds, 2001 invalid
 *                              initiator, 1037 phone unreachable, ...); never 0, which means success
 * @param duplicateCallbackRate the result callback is sent twice, byte for byte
 * @param lostCallbackRate      the request is processed (and paid) but its result callback is never sent
 * @param lateCallbackMs        every callback waits this long before it is sent
 * @param outOfOrder            callbacks are delivered in swapped order: each waits (up to {@code lateCallbackMs},
 *                              or one second when that is 0) for the next callback and goes out after it
 * @param queueTimeoutRate      a B2C request is acknowledged but never processed: nothing is paid and a ResultCode
 *                              1037 {@code Result} goes to its QueueTimeOutURL
 * @param stkCancelRate         the customer cancels an STK push prompt (ResultCode 1032); nothing is received
 * @param delayedSettlementRate a B2C request is acknowledged but processed only {@code settlementDelayMs} later:
 *                              until then the ledger does not hold it and a status query answers "no such payout";
 *                              then it is settled as usual and its (late) result callback is sent
 * @param settlementDelayMs     how long a delayed payout waits before it is processed
 * @param contradictionRate     a B2C payout that would be paid first gets a definitive failure result with
 *                              {@code failureResultCode}, nothing paid; {@code contradictionDelayMs} later the
 *                              provider pays it after all (fresh receipt) and sends a success result for it
 * @param contradictionDelayMs  how long the provider's failure stands before it contradicts itself
 * @param amountMismatchRate    a B2C payout is paid with 1 to 10 KES more than requested; the ledger and the result
 *                              report the amount actually paid
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
        boolean outOfOrder,
        double queueTimeoutRate,
        double stkCancelRate,
        double delayedSettlementRate,
        long settlementDelayMs,
        double contradictionRate,
        long contradictionDelayMs,
        double amountMismatchRate) {

    /** A well-behaved provider. */
    public static final Faults NONE = new Faults(0, 0, 30_000, 0, 0, ResultCodes.INSUFFICIENT_FUNDS, 0, 0, 0, false, 0, 0,
            0, 30_000, 0, 2_000, 0);

    public Faults {
        requireNotNegative("latencyMs", latencyMs);
        requireNotNegative("timeoutHoldMs", timeoutHoldMs);
        requireNotNegative("lateCallbackMs", lateCallbackMs);
        requireNotNegative("settlementDelayMs", settlementDelayMs);
        requireNotNegative("contradictionDelayMs", contradictionDelayMs);
        requireRate("timeoutRate", timeoutRate);
        requireRate("serverErrorRate", serverErrorRate);
        requireRate("failureRate", failureRate);
        requireRate("duplicateCallbackRate", duplicateCallbackRate);
        requireRate("lostCallbackRate", lostCallbackRate);
        requireRate("queueTimeoutRate", queueTimeoutRate);
        requireRate("stkCancelRate", stkCancelRate);
        requireRate("delayedSettlementRate", delayedSettlementRate);
        requireRate("contradictionRate", contradictionRate);
        requireRate("amountMismatchRate", amountMismatchRate);
        if (failureResultCode == ResultCodes.SUCCESS) {
            throw new IllegalArgumentException("failureResultCode must not be 0: 0 is Daraja's success code");
        }
    }

    public Faults withLatencyMs(long ms) {
        return new Faults(ms, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withTimeoutRate(double rate) {
        return new Faults(latencyMs, rate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withTimeoutHoldMs(long ms) {
        return new Faults(latencyMs, timeoutRate, ms, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withServerErrorRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, rate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withFailureRate(double rate, int resultCode) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, rate, resultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withFailureRate(double rate) {
        return withFailureRate(rate, failureResultCode);
    }

    public Faults withFailureResultCode(int resultCode) {
        return withFailureRate(failureRate, resultCode);
    }

    public Faults withDuplicateCallbackRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                rate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withLostCallbackRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, rate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withLateCallbackMs(long ms) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, ms, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withOutOfOrder(boolean swapped) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, swapped, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withQueueTimeoutRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, rate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withStkCancelRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, rate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs,
                amountMismatchRate);
    }

    public Faults withDelayedSettlementRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                rate, settlementDelayMs, contradictionRate, contradictionDelayMs, amountMismatchRate);
    }

    public Faults withSettlementDelayMs(long ms) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, ms, contradictionRate, contradictionDelayMs, amountMismatchRate);
    }

    public Faults withContradictionRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, rate, contradictionDelayMs, amountMismatchRate);
    }

    public Faults withContradictionDelayMs(long ms) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, ms, amountMismatchRate);
    }

    public Faults withAmountMismatchRate(double rate) {
        return new Faults(latencyMs, timeoutRate, timeoutHoldMs, serverErrorRate, failureRate, failureResultCode,
                duplicateCallbackRate, lostCallbackRate, lateCallbackMs, outOfOrder, queueTimeoutRate, stkCancelRate,
                delayedSettlementRate, settlementDelayMs, contradictionRate, contradictionDelayMs, rate);
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
