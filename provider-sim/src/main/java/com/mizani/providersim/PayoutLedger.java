package com.mizani.providersim;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's own books: one {@link Payout} per OriginatorConversationID and the utility account it pays
 * from. Deciding and recording an outcome happen under one lock, so concurrent repeats of the same id can never
 * pay twice and the float can never go negative.
 */
final class PayoutLedger {

    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final long startingFloat;
    private final Ids ids;
    // Insertion-ordered so the admin view lists payouts in the order the provider accepted them.
    private final Map<String, Payout> byOriginatorId = new LinkedHashMap<>();
    private long totalPaidOut;

    PayoutLedger(long startingFloat, Ids ids) {
        this.startingFloat = startingFloat;
        this.ids = ids;
    }

    /**
     * Settles a B2C request, or returns the existing settlement if its OriginatorConversationID was seen before
     * (whatever the repeat says about amount or recipient: the first request is the one that counts).
     *
     * @param injectedFailureCode a fault's ResultCode to fail with instead of paying, or null
     */
    synchronized Acceptance accept(B2cRequest request, Integer injectedFailureCode, Instant now) {
        Payout existing = byOriginatorId.get(request.originatorConversationId());
        if (existing != null) {
            Payout repeated = existing.requestedAgain();
            byOriginatorId.put(repeated.originatorConversationId(), repeated);
            return new Acceptance(repeated, false);
        }
        int resultCode;
        if (injectedFailureCode != null) {
            resultCode = injectedFailureCode;
        } else if (request.amount() > utilityAccountAvailableFunds()) {
            resultCode = ResultCodes.INSUFFICIENT_FUNDS;
        } else {
            resultCode = ResultCodes.SUCCESS;
        }
        Payout.Status status = resultCode == ResultCodes.SUCCESS ? Payout.Status.PAID : Payout.Status.FAILED;
        if (status == Payout.Status.PAID) {
            totalPaidOut = Math.addExact(totalPaidOut, request.amount());
        }
        if (utilityAccountAvailableFunds() < 0) {
            throw new IllegalStateException("utility account overdrawn: " + utilityAccountAvailableFunds());
        }
        Payout payout = new Payout(request.originatorConversationId(), ids.conversationId(now.atZone(NAIROBI).toLocalDate()),
                ids.transactionId(), request.amount(), request.partyB(), request.partyA(), status, resultCode, now,
                utilityAccountAvailableFunds(), request.resultUrl(), request.queueTimeOutUrl(), 1);
        byOriginatorId.put(payout.originatorConversationId(), payout);
        return new Acceptance(payout, true);
    }

    synchronized Optional<Payout> findByOriginatorId(String originatorConversationId) {
        return Optional.ofNullable(byOriginatorId.get(originatorConversationId));
    }

    synchronized Optional<Payout> findByTransactionId(String transactionId) {
        return byOriginatorId.values().stream().filter(p -> p.transactionId().equals(transactionId)).findFirst();
    }

    synchronized Snapshot snapshot() {
        return new Snapshot(startingFloat, totalPaidOut, utilityAccountAvailableFunds(), new ArrayList<>(byOriginatorId.values()));
    }

    synchronized long utilityAccountAvailableFunds() {
        return startingFloat - totalPaidOut;
    }

    /** @param firstRequest false when this OriginatorConversationID had already been settled */
    record Acceptance(Payout payout, boolean firstRequest) {
    }

    record Snapshot(long startingFloat, long totalPaidOut, long utilityAccountAvailableFunds, List<Payout> payouts) {
    }
}
