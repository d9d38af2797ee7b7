package com.mizani.kernel.payroll;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Refuses a job waiting for approval, for good; nothing was reserved, so nothing moves. */
public record RejectPayrollJobCommand(@TargetAggregateIdentifier UUID jobId, String rejectedBy, String reason) {
    public RejectPayrollJobCommand {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(rejectedBy, "rejectedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
