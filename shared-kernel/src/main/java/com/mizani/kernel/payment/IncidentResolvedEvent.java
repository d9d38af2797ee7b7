package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A principal other than its proposer approved an incident's correction, and the incident is closed. The wallet events
 * of the correction, if it moves money, are in the same unit of work, with the payment id as transaction id.
 */
@Revision("1")
public record IncidentResolvedEvent(UUID paymentId, UUID incidentId, UUID proposalId, Correction correction,
                                    String proposedBy, String approvedBy, String note) implements PaymentEvent {
}
