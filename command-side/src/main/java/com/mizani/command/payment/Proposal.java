package com.mizani.command.payment;

import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A resolution of a payment in review, proposed by one principal and waiting for another. */
record Proposal(UUID proposalId, boolean paid, String reason, UUID walletId, String proposedBy, Instant proposedAt) {

    /** The same principal asking for the same outcome again: a retried request, not a second proposal. */
    boolean isRepeatedBy(ProposePaymentResolutionCommand command) {
        return proposedBy.equals(command.proposedBy()) && paid == command.paid() && reason.equals(command.reason())
                && Objects.equals(walletId, command.walletId());
    }

    PendingResolution view() {
        return new PendingResolution(proposalId, PendingResolution.outcomeOf(paid), reason, walletId, proposedBy,
                proposedAt);
    }
}
