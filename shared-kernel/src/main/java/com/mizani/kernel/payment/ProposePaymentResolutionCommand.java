package com.mizani.kernel.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Proposes how a payment in review ends: {@code paid} if the provider moved the money, with the reason the proposer
 * knows it. Nothing moves until another principal approves it. {@code walletId} names the wallet to credit for a C2B
 * payment whose reference matched none; otherwise null.
 */
public record ProposePaymentResolutionCommand(@TargetAggregateIdentifier UUID paymentId, UUID proposalId, boolean paid,
                                              String reason, UUID walletId, String proposedBy) {
    public ProposePaymentResolutionCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(proposedBy, "proposedBy");
    }
}
