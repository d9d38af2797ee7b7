package com.mizani.kernel.adjustment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** An adjustment as the API shows it, from the command's answer or from the read model alike. */
public record AdjustmentView(UUID adjustmentId, UUID walletId, String amount, String currency, String direction,
                             String reason, AdjustmentStatus status, String proposedBy, Instant proposedAt,
                             String approvedBy, String rejectedBy, String decisionReason, Instant decidedAt,
                             String failureCode, String failureReason) {

    /** Times to the millisecond, the precision the event store keeps, so a repeat answers identically. */
    public AdjustmentView {
        proposedAt = proposedAt == null ? null : proposedAt.truncatedTo(ChronoUnit.MILLIS);
        decidedAt = decidedAt == null ? null : decidedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static AdjustmentView of(AdjustmentOutcome outcome) {
        return new AdjustmentView(outcome.adjustmentId(), outcome.walletId(), outcome.amount().toDecimalString(),
                outcome.amount().currency().name(), outcome.direction().name(), outcome.reason(), outcome.status(),
                outcome.proposedBy(), outcome.proposedAt(), outcome.approvedBy(), outcome.rejectedBy(),
                outcome.decisionReason(), outcome.decidedAt(),
                outcome.failureCode() == null ? null : outcome.failureCode().name(), outcome.failureReason());
    }
}
