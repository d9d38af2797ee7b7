package com.mizani.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Rejects the pending correction of the payment's open incident, which stays open. */
public record RejectIncidentCorrectionCommand(@TargetAggregateIdentifier UUID paymentId, UUID proposalId,
                                              String rejectedBy, String reason) {
}
