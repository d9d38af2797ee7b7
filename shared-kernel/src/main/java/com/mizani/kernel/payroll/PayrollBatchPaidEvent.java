package com.mizani.kernel.payroll;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * Items {@code fromIndex} to {@code checkpoint - 1} were paid, each with its result, in the same unit of work as their
 * transfers: the checkpoint moves exactly when the money does.
 */
@Revision("1")
public record PayrollBatchPaidEvent(UUID jobId, int fromIndex, int checkpoint, List<PayrollItemResult> results) {
}
