package com.mizani.kernel.payment;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A provider message that changed nothing (duplicate, late, or not definitive), kept for the audit trail. */
@Revision("1")
public record ProviderResultIgnoredEvent(UUID paymentId, ProviderResult result, String reason) implements PaymentEvent {
}
