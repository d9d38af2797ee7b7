package com.mizani.kernel.adjustment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Approves a pending adjustment, which then posts; {@code reason} is the approver's optional note. */
public record ApproveAdjustmentCommand(@TargetAggregateIdentifier UUID adjustmentId, String approvedBy, String reason) {
    public ApproveAdjustmentCommand {
        Objects.requireNonNull(adjustmentId, "adjustmentId");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
