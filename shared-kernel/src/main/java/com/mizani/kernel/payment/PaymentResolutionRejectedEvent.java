package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Another principal rejected the pending resolution: the payment stays in review, waiting for a new proposal. */
@Revision("1")
public record PaymentResolutionRejectedEvent(UUID paymentId, UUID proposalId, String proposedBy, String rejectedBy,
                                             String reason) implements PaymentEvent {
}
