package com.mizani.providersim;

import java.util.Random;

/**
 * Decides, per transaction request, which faults hit it. Seeded so that the same sequence of requests meets the
 * same faults on every run. Every roll draws the same number of values whatever the rates are, so request n's
 * fate depends only on the seed and n, not on which knobs happened to be turned on for earlier requests.
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
        return new RequestFate(
                serverError < faults.serverErrorRate() ? (unavailable ? 503 : 500) : 0,
                timeout < faults.timeoutRate(),
                failure < faults.failureRate() ? faults.failureResultCode() : null,
                duplicate < faults.duplicateCallbackRate(),
                lost < faults.lostCallbackRate());
    }

    /**
     * What happens to one request.
     *
     * @param serverErrorStatus   500 or 503 to answer without processing, or 0 for none
     * @param unanswered          process, then drop the connection without an answer
     * @param injectedFailureCode a B2C payout fails with this ResultCode, or null
     * @param duplicateCallback   send the result callback twice
     * @param lostCallback        never send the result callback
     */
    record RequestFate(int serverErrorStatus, boolean unanswered, Integer injectedFailureCode,
                       boolean duplicateCallback, boolean lostCallback) {
    }
}
