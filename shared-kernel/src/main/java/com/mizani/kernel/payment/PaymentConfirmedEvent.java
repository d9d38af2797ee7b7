package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The provider moved the money; the wallet postings were stored in the same transaction. Final. */
@Revision("1")
public record PaymentConfirmedEvent(UUID paymentId, String receipt, Evidence evidence) implements PaymentEvent {
}
