package com.mizani.providersim;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * One B2C request as the provider settled it. The outcome is decided when the request is first accepted: repeats
 * of the same OriginatorConversationID only count up the entry's times requested. Only the provider itself changes
 * it later, as real ones do: a failure it contradicts by paying after all ({@link #paidAfterAll}), a payment it
 * reverses ({@link #reversed}). Each is a new version of the record that replaces the old one in the ledger.
 *
 * @param transactionId      the provider's transaction id; it is the M-Pesa receipt when the payout was paid
 * @param amount             whole KES actually paid (or that would have been, for a failed payout)
 * @param requestedAmount    whole KES the request asked for; differs from {@code amount} only under the
 *                           amount-mismatch fault
 * @param utilityFundsAfter  the utility account balance in whole KES right after this payout was settled (reported
 *                           in its result)
 */
record Payout(
        String originatorConversationId,
        String conversationId,
        String transactionId,
        long amount,
        long requestedAmount,
        String msisdn,
        String partyA,
        Status status,
        int resultCode,
        Instant finalisedAt,
        long utilityFundsAfter,
        URI resultUrl,
        URI queueTimeOutUrl) implements LedgerRecord {

    Payout {
        // Pair assertion with Ledger: a paid payout is always a success, a failed or reversed one never is.
        if ((status == Status.PAID) != (resultCode == ResultCodes.SUCCESS) || status == Status.RECEIVED
                || status == Status.CANCELLED || (status == Status.REVERSED) != (resultCode == ResultCodes.REVERSED)) {
            throw new IllegalStateException("status " + status + " contradicts result code " + resultCode);
        }
    }

    /** This failed payout, paid after all: a new transaction id (the receipt) and the amount paid now. */
    Payout paidAfterAll(String newTransactionId, long amountPaid, Instant now, long fundsAfter) {
        if (status != Status.FAILED) {
            throw new IllegalStateException("only a failed payout can be paid after all, not a " + status + " one");
        }
        return new Payout(originatorConversationId, conversationId, newTransactionId, amountPaid, requestedAmount, msisdn,
                partyA, Status.PAID, ResultCodes.SUCCESS, now, fundsAfter, resultUrl, queueTimeOutUrl);
    }

    /** This paid payout, reversed: the money came back; the receipt stays, naming what was reversed. */
    Payout reversed(Instant now, long fundsAfter) {
        if (!paid()) {
            throw new IllegalStateException("only a paid payout can be reversed, not a " + status + " one");
        }
        return new Payout(originatorConversationId, conversationId, transactionId, amount, requestedAmount, msisdn,
                partyA, Status.REVERSED, ResultCodes.REVERSED, now, fundsAfter, resultUrl, queueTimeOutUrl);
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
        return paid() || status == Status.REVERSED ? transactionId : null;
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
