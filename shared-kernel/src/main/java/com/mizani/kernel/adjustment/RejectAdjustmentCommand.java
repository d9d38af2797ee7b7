package com.mizani.kernel.adjustment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Rejects a pending adjustment, with the reason; it will never move money. */
public record RejectAdjustmentCommand(@TargetAggregateIdentifier UUID adjustmentId, String rejectedBy, String reason) {
    public RejectAdjustmentCommand {
        Objects.requireNonNull(adjustmentId, "adjustmentId");
        Objects.requireNonNull(rejectedBy, "rejectedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
