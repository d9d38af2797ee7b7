package com.mizani.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * An operator proposes how the payment's open incident is corrected, once no proposal waits.
 *
 * @param incidentId the incident the proposer has seen, or null for the payment's open one
 */
public record ProposeIncidentCorrectionCommand(@TargetAggregateIdentifier UUID paymentId, UUID incidentId,
                                               UUID proposalId, CorrectionAction action, String reason,
                                               String proposedBy) {
}
