package com.mizani.kernel.payment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record PaymentSettledEvent(UUID paymentId) implements PaymentEvent {
}
