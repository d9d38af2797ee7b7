package com.mizani.providersim;

import java.util.Random;

/**
 * Decides, per transaction request, which faults hit it. Seeded so that the same sequence of requests meets the
 * same faults on every run. Every roll draws the same number of values whatever the rates are and whatever the
 * call is, so request n's fate depends only on the seed and n, not on which knobs happened to be turned on for
 * earlier requests.
 */
final class FaultDice {

    /** An amount-mismatch payout is paid 1 to this many whole KES more than requested. */
    static final int MAX_EXTRA_SHILLINGS = 10;

    private final Random random;

    FaultDice(long seed) {
        this.random = new Random(seed);
    }

    synchronized RequestFate roll(Faults faults) {
        double serverError = random.nextDouble();
        boolean unavailable = random.nextBoolean();
        double timeout = random.nextDouble();
        double failure = random.nextDouble();
        double duplicate = random.nextDouble();
        double lost = random.nextDouble();
        double queueTimeout = random.nextDouble();
        double stkCancel = random.nextDouble();
        double delayedSettlement = random.nextDouble();
        double contradiction = random.nextDouble();
        double amountMismatch = random.nextDouble();
        int extraShillings = 1 + random.nextInt(MAX_EXTRA_SHILLINGS);
        return new RequestFate(
                serverError < faults.serverErrorRate() ? (unavailable ? 503 : 500) : 0,
                timeout < faults.timeoutRate(),
                failure < faults.failureRate() ? faults.failureResultCode() : null,
                duplicate < faults.duplicateCallbackRate(),
                lost < faults.lostCallbackRate(),
                queueTimeout < faults.queueTimeoutRate(),
                stkCancel < faults.stkCancelRate(),
                delayedSettlement < faults.delayedSettlementRate(),
                contradiction < faults.contradictionRate() ? faults.failureResultCode() : null,
                amountMismatch < faults.amountMismatchRate() ? extraShillings : 0);
    }

    /**
     * What happens to one request. Each endpoint reads only the parts that apply to it.
     *
     * @param serverErrorStatus   500 or 503 to answer without processing, or 0 for none
     * @param unanswered          process, then drop the connection without an answer
     * @param injectedFailureCode a B2C payout or STK push fails with this ResultCode, or null
     * @param duplicateCallback   send the result callback twice
     * @param lostCallback        never send the result callback
     * @param queueTimeout        a B2C request times out in the provider's queue, unprocessed
     * @param stkCancelled        the customer cancels the STK push prompt
     * @param delayedSettlement   a B2C request is processed only after the settlement delay
     * @param contradictionCode   a B2C payout that would be paid first fails with this ResultCode and is paid after
     *                            the contradiction delay, or null
     * @param extraShillings      a B2C payout is paid this many whole KES more than requested (0: as requested)
     */
    record RequestFate(int serverErrorStatus, boolean unanswered, Integer injectedFailureCode,
                       boolean duplicateCallback, boolean lostCallback, boolean queueTimeout, boolean stkCancelled,
                       boolean delayedSettlement, Integer contradictionCode, int extraShillings) {

        /** No fault at all: for what the provider does on its own, such as a reversal. */
        static final RequestFate UNHARMED = new RequestFate(0, false, null, false, false, false, false, false, null, 0);
    }
}
