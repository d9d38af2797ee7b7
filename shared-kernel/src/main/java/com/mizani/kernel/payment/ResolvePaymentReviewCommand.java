package com.mizani.kernel.payment;

import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator's decision on a payment in review: {@code paid} if the provider moved the money, with the reason. {@code walletId} names the wallet to credit for a C2B payment whose reference matched none; otherwise null. */
public record ResolvePaymentReviewCommand(@TargetAggregateIdentifier UUID paymentId, boolean paid, String reason,
                                          String operator, UUID walletId) {
    public ResolvePaymentReviewCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(operator, "operator");
    }
}
