package com.mizani.kernel.payroll;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Pays the next items of a running job, from {@code expectedCheckpoint} (the index of the first unpaid item, as the
 * sender last saw it), at most {@code maxItems}. A command whose checkpoint is not the job's is a no-op: another
 * sender (another node, or a retry) has paid that batch already.
 */
public record PayPayrollBatchCommand(@TargetAggregateIdentifier UUID jobId, int expectedCheckpoint, int maxItems) {
    public PayPayrollBatchCommand {
        Objects.requireNonNull(jobId, "jobId");
        if (expectedCheckpoint < 0 || maxItems < 1) {
            throw new IllegalArgumentException("checkpoint must be at least 0 and maxItems at least 1");
        }
    }
}
