package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PaymentStatusQueriedEvent(UUID paymentId, int attempt, boolean sent) implements PaymentEvent {
}
