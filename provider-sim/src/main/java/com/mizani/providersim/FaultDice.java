package com.mizani.providersim;

import java.util.Random;

/**
 * Decides, per transaction request, which faults hit it. Seeded so that the same sequence of requests meets the
 * same faults on every run. Every roll draws the same number of values whatever the rates are and whatever the
 * call is, so request n's fate depends only on the seed and n, not on which knobs happened to be turned on for
 * earlier requests.
 */
final class FaultDice {

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
        return new RequestFate(
                serverError < faults.serverErrorRate() ? (unavailable ? 503 : 500) : 0,
                timeout < faults.timeoutRate(),
                failure < faults.failureRate() ? faults.failureResultCode() : null,
                duplicate < faults.duplicateCallbackRate(),
                lost < faults.lostCallbackRate(),
                queueTimeout < faults.queueTimeoutRate(),
                stkCancel < faults.stkCancelRate());
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
     */
    record RequestFate(int serverErrorStatus, boolean unanswered, Integer injectedFailureCode,
                       boolean duplicateCallback, boolean lostCallback, boolean queueTimeout, boolean stkCancelled) {
    }
}
