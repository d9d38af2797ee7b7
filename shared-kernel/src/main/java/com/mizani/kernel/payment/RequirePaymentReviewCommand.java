package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives up deciding automatically (e.g. the status query cap was reached). */
public record RequirePaymentReviewCommand(@TargetAggregateIdentifier UUID paymentId, String reason) {
    public RequirePaymentReviewCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
    }
}
