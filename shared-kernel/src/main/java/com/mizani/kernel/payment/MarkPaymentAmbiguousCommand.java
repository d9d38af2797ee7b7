package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider's answer to our request is unknown (timeout, 5xx, broken connection): it may or may not have acted. */
public record MarkPaymentAmbiguousCommand(@TargetAggregateIdentifier UUID paymentId, String reason) {
    public MarkPaymentAmbiguousCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
    }
}
