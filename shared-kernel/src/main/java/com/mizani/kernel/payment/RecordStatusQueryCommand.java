package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the saga asked the provider for the payment's status ({@code sent} false: the question itself failed). */
public record RecordStatusQueryCommand(@TargetAggregateIdentifier UUID paymentId, int attempt, boolean sent) {
    public RecordStatusQueryCommand {
        Objects.requireNonNull(paymentId, "paymentId");
    }
}
