package com.mizani.kernel.payroll;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * The final outcome of an M-Pesa item's payout, for its job: paid with the provider's receipt, or not paid with the
 * provider's result code and reason. Sent by the payroll payout saga; a repeat for an item already decided changes
 * nothing.
 */
public record RecordPayrollPayoutOutcomeCommand(@TargetAggregateIdentifier UUID jobId, int index, UUID paymentId,
                                                boolean paid, String receipt, String providerResultCode,
                                                String reason) {
    public RecordPayrollPayoutOutcomeCommand {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(paymentId, "paymentId");
    }
}
