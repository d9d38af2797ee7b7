package com.mizani.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Rejects the resolution waiting on a payment: it stays in review, and a new proposal may follow.
 * {@code proposalId}, when given, must name the pending proposal.
 */
public record RejectPaymentResolutionCommand(@TargetAggregateIdentifier UUID paymentId, UUID proposalId,
                                             String rejectedBy, String reason) {
    public RejectPaymentResolutionCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(rejectedBy, "rejectedBy");
        Objects.requireNonNull(reason, "reason");
    }
}
