package com.mizani.kernel.payroll;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Releases a job for paying: its source reserves the whole total, or the approval is refused and nothing moves. */
public record ApprovePayrollJobCommand(@TargetAggregateIdentifier UUID jobId, String approvedBy) {
    public ApprovePayrollJobCommand {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
