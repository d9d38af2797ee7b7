package com.mizani.providersim;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One B2C request as the provider settled it. The outcome is decided once, when the request is first accepted,
 * and never changes: repeats of the same OriginatorConversationID only count up the entry's times requested.
 *
 * @param transactionId      the provider's transaction id; it is the M-Pesa receipt when the payout was paid
 * @param utilityFundsAfter  the utility account balance in whole KES right after this payout was settled (reported
 *                           in its result)
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
        URI queueTimeOutUrl) implements LedgerRecord {

    Payout {
        // Pair assertion with Ledger: a paid payout is always a success, a failed one never is.
        if ((status == Status.PAID) != (resultCode == ResultCodes.SUCCESS) || status == Status.RECEIVED
                || status == Status.CANCELLED) {
            throw new IllegalStateException("status " + status + " contradicts result code " + resultCode);
        }
    }

    boolean paid() {
        return status == Status.PAID;
    }

    @Override
    public Kind kind() {
        return Kind.B2C;
    }

    @Override
    public Direction direction() {
        return Direction.PAID;
    }

    @Override
    public String receipt() {
        return paid() ? transactionId : null;
    }

    @Override
    public String billRefNumber() {
        return null;
    }

    @Override
    public Instant time() {
        return finalisedAt;
    }

    @Override
    public List<String> ids() {
        return List.of(originatorConversationId, conversationId, transactionId);
    }
}
