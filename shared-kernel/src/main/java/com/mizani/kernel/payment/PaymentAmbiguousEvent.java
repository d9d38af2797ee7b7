package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Nobody knows yet whether the provider acted; only its status query may decide. */
@Revision("1")
public record PaymentAmbiguousEvent(UUID paymentId, String reason) implements PaymentEvent {
}
