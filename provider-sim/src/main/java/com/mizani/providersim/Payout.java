package com.mizani.providersim;

import java.net.URI;
import java.time.Instant;

/**
 * One B2C request as the provider settled it. The outcome is decided once, when the request is first accepted,
 * and never changes: repeats of the same OriginatorConversationID only count up {@code timesRequested}.
 *
 * @param transactionId      the provider's transaction id; it is the M-Pesa receipt when the payout was paid
 * @param utilityFundsAfter  the utility account balance right after this payout was settled (reported in its result)
 */
record Payout(
        String originatorConversationId,
        String conversationId,
        String transactionId,
        long amount,
        String msisdn,
        String partyA,
        Status status,
        int resultCode,
        Instant finalisedAt,
        long utilityFundsAfter,
        URI resultUrl,
        URI queueTimeOutUrl,
        int timesRequested) {

    enum Status { PAID, FAILED }

    Payout {
        // Pair assertion with PayoutLedger: a paid payout is always a success, a failed one never is.
        if ((status == Status.PAID) != (resultCode == ResultCodes.SUCCESS)) {
            throw new IllegalStateException("status " + status + " contradicts result code " + resultCode);
        }
    }

    boolean paid() {
        return status == Status.PAID;
    }

    /** The M-Pesa receipt, or null when nothing was paid. */
    String receipt() {
        return paid() ? transactionId : null;
    }

    Payout requestedAgain() {
        return new Payout(originatorConversationId, conversationId, transactionId, amount, msisdn, partyA, status,
                resultCode, finalisedAt, utilityFundsAfter, resultUrl, queueTimeOutUrl, timesRequested + 1);
    }
}
