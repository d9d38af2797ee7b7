package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The provider definitively did not move the money; any reservation was released in the same transaction. Final. */
@Revision("1")
public record PaymentFailedEvent(UUID paymentId, String resultCode, String reason, Evidence evidence) implements PaymentEvent {
}
