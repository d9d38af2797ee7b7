package com.mizani.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Approves the resolution waiting on a payment, which then takes effect. {@code proposalId}, when given, must name the
 * pending proposal, so that an approver never approves one they have not seen; {@code reason} is an optional note.
 */
public record ApprovePaymentResolutionCommand(@TargetAggregateIdentifier UUID paymentId, UUID proposalId,
                                              String approvedBy, String reason) {
    public ApprovePaymentResolutionCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }
}
