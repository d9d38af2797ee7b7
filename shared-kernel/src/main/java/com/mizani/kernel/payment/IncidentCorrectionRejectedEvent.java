package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The pending correction of an incident was rejected; the incident stays open, and another may be proposed. */
@Revision("1")
public record IncidentCorrectionRejectedEvent(UUID paymentId, UUID incidentId, UUID proposalId, String proposedBy,
                                              String rejectedBy, String reason) implements PaymentEvent {
}
