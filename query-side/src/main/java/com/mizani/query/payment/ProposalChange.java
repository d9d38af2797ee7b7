package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentResolutionProposedEvent;
import com.mizani.kernel.payment.PendingResolution;

import java.time.Instant;
import java.util.UUID;

/**
 * The resolution waiting on a payment in review (four eyes): set by a proposal, cleared when another principal
 * approves or rejects it. Applied only over an older proposal version of the row, apart from the status version.
 *
 * @param proposalId null, like every field but the payment and the version, once the proposal is decided
 */
record ProposalChange(UUID paymentId, UUID proposalId, String outcome, String reason, UUID walletId, String proposedBy,
                      Instant proposedAt, long version) {

    static ProposalChange proposed(PaymentResolutionProposedEvent event, long sequence, Instant at) {
        return new ProposalChange(event.paymentId(), event.proposalId(), PendingResolution.outcomeOf(event.paid()),
                event.reason(), event.walletId(), event.proposedBy(), at, sequence);
    }

    static ProposalChange decided(UUID paymentId, long sequence) {
        return new ProposalChange(paymentId, null, null, null, null, null, null, sequence);
    }
}
