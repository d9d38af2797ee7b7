package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Nothing automatic may decide this payment any more; an operator must. Its money stays where it is until then. */
@Revision("1")
public record PaymentReviewRequiredEvent(UUID paymentId, String reason) implements PaymentEvent {
}
