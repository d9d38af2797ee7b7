package com.mizani.kernel.adjustment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * An adjustment as its aggregate knows it, the answer to its commands.
 *
 * @param approvedBy     who approved it (APPROVED, or FAILED when the wallet refused); null otherwise
 * @param rejectedBy     who rejected it (REJECTED); null otherwise
 * @param decisionReason the approver's note or the rejection's reason
 * @param failureCode    the wallet's refusal (FAILED); null otherwise
 */
public record AdjustmentOutcome(UUID adjustmentId, UUID walletId, Money amount, Direction direction, String reason,
                                AdjustmentStatus status, String proposedBy, Instant proposedAt, String approvedBy,
                                String rejectedBy, String decisionReason, Instant decidedAt, ErrorCode failureCode,
                                String failureReason) {
}
