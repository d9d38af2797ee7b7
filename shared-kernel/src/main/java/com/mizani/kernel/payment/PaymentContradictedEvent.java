package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.List;
import java.util.UUID;

/**
 * A definitive provider message contradicted a final payment, and an incident names it. Moves nothing: the payment
 * keeps its status, and only an approved correction (or an approved decision that none is due) closes the incident.
 * A second contradiction while the incident is open is recorded under the same incident.
 *
 * @param evidence      the provider's message
 * @param status        the payment's (final) status when it came
 * @param bookedMinor   what our books say the provider moved for the payment, before this message
 * @param claimedMinor  what the provider's message says it moved
 * @param history       the payment's events up to this one, so that the incident can be judged on its own
 */
@Revision("1")
public record PaymentContradictedEvent(UUID paymentId, UUID incidentId, ContradictionKind kind,
                                       ProviderResult evidence, PaymentStatus status, long bookedMinor,
                                       long claimedMinor, List<PaymentHistoryLine> history) implements PaymentEvent {

    public PaymentContradictedEvent {
        history = List.copyOf(history);
    }
}
