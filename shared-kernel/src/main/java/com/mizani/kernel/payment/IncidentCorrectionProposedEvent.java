package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * A correction of an open incident was proposed, by the system when the incident opened ({@code system}) or by an
 * operator after a rejection. Moves nothing: it waits for another principal's approval.
 */
@Revision("1")
public record IncidentCorrectionProposedEvent(UUID paymentId, UUID incidentId, UUID proposalId, Correction correction,
                                              String reason, String proposedBy) implements PaymentEvent {
}
