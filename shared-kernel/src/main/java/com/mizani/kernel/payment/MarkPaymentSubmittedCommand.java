package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider acknowledged the request (not its outcome) under {@code providerReference}. */
public record MarkPaymentSubmittedCommand(@TargetAggregateIdentifier UUID paymentId, String providerReference) {
    public MarkPaymentSubmittedCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(providerReference, "providerReference");
    }
}
