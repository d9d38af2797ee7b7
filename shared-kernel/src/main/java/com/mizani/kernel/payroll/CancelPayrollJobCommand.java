package com.mizani.kernel.payroll;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/** Stops a job before its remaining items are paid, and releases what is still reserved for them. */
public record CancelPayrollJobCommand(@TargetAggregateIdentifier UUID jobId, String cancelledBy) {
    public CancelPayrollJobCommand {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(cancelledBy, "cancelledBy");
    }
}
