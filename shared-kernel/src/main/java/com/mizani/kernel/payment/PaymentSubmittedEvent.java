package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentSubmittedEvent(UUID paymentId, String providerReference) implements PaymentEvent {
}
