package com.mizani.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Approves the pending correction of the payment's open incident, which applies it and closes the incident.
 *
 * @param proposalId the proposal the approver has seen, or null for the pending one
 */
public record ApproveIncidentCorrectionCommand(@TargetAggregateIdentifier UUID paymentId, UUID proposalId,
                                               String approvedBy, String reason) {
}
