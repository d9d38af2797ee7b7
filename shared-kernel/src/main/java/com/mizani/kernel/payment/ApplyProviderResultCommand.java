package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Applies what the provider said about a payment: a callback, a status answer or a refusal of our request. */
public record ApplyProviderResultCommand(@TargetAggregateIdentifier UUID paymentId, ProviderResult result) {
    public ApplyProviderResultCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(result, "result");
    }
}
