package com.mizani.command.adjustment;

import com.mizani.command.support.IdempotentCreation;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletChecks;
import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentOutcome;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.ApproveAdjustmentCommand;
import com.mizani.kernel.adjustment.ProposeAdjustmentCommand;
import com.mizani.kernel.adjustment.RejectAdjustmentCommand;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manual correction of one wallet's balance, decided by two principals: one proposes it, another approves it
 * (then it posts against {@code adjustments:<CCY>}) or rejects it. Its id comes from the proposer's idempotency key,
 * so it is also the record that makes a repeated proposal land on the first one. That proposer and approver differ
 * is decided here, by principal id, whatever roles they hold.
 *
 * <p>On approval the wallet posting (one wallet event, kind ADJUSTMENT, contra {@code adjustments:<CCY>}, transaction
 * id = the adjustment id) and the decision are stored in one unit of work, so an adjustment is APPROVED exactly when
 * its money has moved. A posting the wallet refuses is recorded as FAILED with the wallet's code, and nothing moves.
 * Approvals and rejections are {@code CREATE_IF_MISSING} only so that an unknown id reaches this class and is refused
 * with ADJUSTMENT_NOT_FOUND (Axon's own not-found failure carries no code); nothing is stored for it.
 */
@Aggregate
public class Adjustment {

    @AggregateIdentifier
    private UUID adjustmentId;
    private UUID walletId;
    private Money amount;
    private Direction direction;
    private String reason;
    private String proposedBy;
    private Instant proposedAt;
    private String requestHash;
    private Decision decision;

    protected Adjustment() {
        // Required by Axon to rebuild the adjustment from its events.
    }

    /** What became of the proposal: one type per lifecycle state, each with what only it knows. */
    sealed interface Decision {
        AdjustmentStatus status();
    }

    record Pending() implements Decision {
        public AdjustmentStatus status() {
            return AdjustmentStatus.PENDING_APPROVAL;
        }
    }

    record Approved(String approvedBy, String note, Instant at) implements Decision {
        public AdjustmentStatus status() {
            return AdjustmentStatus.APPROVED;
        }
    }

    record Rejected(String rejectedBy, String reason, Instant at) implements Decision {
        public AdjustmentStatus status() {
            return AdjustmentStatus.REJECTED;
        }
    }

    /** Approved, but the wallet refused the posting. */
    record Failed(String approvedBy, ErrorCode code, String reason, Instant at) implements Decision {
        public AdjustmentStatus status() {
            return AdjustmentStatus.FAILED;
        }
    }

    /**
     * A repeat of the same request finds the adjustment the first one created and answers it as it is now. A new one
     * names a wallet that must exist, hold the currency and not be closed, or it is refused and nothing is stored.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AdjustmentOutcome handle(ProposeAdjustmentCommand command, WalletChecks walletChecks) {
        if (adjustmentId != null) {
            IdempotentCreation.requireSamePayload(requestHash, command.requestHash(), "adjustment");
            return outcome();
        }
        walletChecks.refusalOfFutureMovement(command.walletId(), command.amount()).ifPresent(refusal -> {
            throw refusal;
        });
        apply(new AdjustmentProposedEvent(command.adjustmentId(), command.walletId(), command.amount(),
                command.direction(), command.reason(), command.proposedBy(), command.requestHash()));
        return outcome();
    }

    /**
     * Posts and records the approval, or the wallet's refusal as FAILED. The principal whose approval already decided
     * the adjustment gets it as it is (a retried approval); the proposer, and anyone once another principal decided,
     * are refused.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AdjustmentOutcome handle(ApproveAdjustmentCommand command, WalletLegs wallets) {
        requireProposed(command.adjustmentId());
        if (!admitsApprovalBy(command.approvedBy())) {
            return outcome();
        }
        Optional<MizaniException> refused = post(wallets);
        if (refused.isPresent()) {
            apply(new AdjustmentFailedEvent(adjustmentId, walletId, proposedBy, command.approvedBy(),
                    refused.get().code(), refused.get().getMessage()));
        } else {
            apply(new AdjustmentApprovedEvent(adjustmentId, walletId, amount, direction, proposedBy,
                    command.approvedBy(), command.reason()));
        }
        return outcome();
    }

    /** A rejection repeated by its own rejecter changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AdjustmentOutcome handle(RejectAdjustmentCommand command) {
        requireProposed(command.adjustmentId());
        switch (decision) {
            case Pending ignored -> {
                requireOtherThanProposer(command.rejectedBy());
                apply(new AdjustmentRejectedEvent(adjustmentId, proposedBy, command.rejectedBy(), command.reason()));
            }
            case Rejected rejected when rejected.rejectedBy().equals(command.rejectedBy()) -> {
                // Already rejected by this principal: the repeat answers the adjustment as it is.
            }
            default -> throw notPending();
        }
        return outcome();
    }

    /** Whether {@code approver} may approve now, so that the money moves; false for a repeat by the approver. */
    private boolean admitsApprovalBy(String approver) {
        return switch (decision) {
            case Pending ignored -> {
                requireOtherThanProposer(approver);
                yield true;
            }
            case Approved approved when approved.approvedBy().equals(approver) -> false;
            case Failed failed when failed.approvedBy().equals(approver) -> false;
            default -> throw notPending();
        };
    }

    /** One wallet event, one balanced pair of postings: the wallet on one side, the adjustments account on the other. */
    private Optional<MizaniException> post(WalletLegs wallets) {
        String contra = SystemAccounts.adjustments(amount.currency());
        return direction == Direction.CREDIT
                ? wallets.credit(walletId, adjustmentId, amount, PostingKind.ADJUSTMENT, contra)
                : wallets.debit(walletId, adjustmentId, amount, PostingKind.ADJUSTMENT, contra);
    }

    private void requireProposed(UUID requestedId) {
        if (adjustmentId == null) {
            throw new MizaniException(ErrorCode.ADJUSTMENT_NOT_FOUND, "adjustment " + requestedId + " does not exist");
        }
    }

    private void requireOtherThanProposer(String principal) {
        if (proposedBy.equals(principal)) {
            throw new MizaniException(ErrorCode.PROPOSER_CANNOT_DECIDE, ("%s proposed adjustment %s and cannot also "
                    + "approve or reject it; another principal must").formatted(principal, adjustmentId));
        }
    }

    private MizaniException notPending() {
        return new MizaniException(ErrorCode.ADJUSTMENT_NOT_PENDING,
                "adjustment %s is already %s".formatted(adjustmentId, decision.status()));
    }

    private AdjustmentOutcome outcome() {
        return switch (decision) {
            case Pending ignored -> outcome(null, null, null, null, null, null);
            case Approved approved -> outcome(approved.approvedBy(), null, approved.note(), approved.at(), null, null);
            case Rejected rejected -> outcome(null, rejected.rejectedBy(), rejected.reason(), rejected.at(), null, null);
            case Failed failed -> outcome(failed.approvedBy(), null, null, failed.at(), failed.code(), failed.reason());
        };
    }

    private AdjustmentOutcome outcome(String approvedBy, String rejectedBy, String decisionReason, Instant decidedAt,
                                      ErrorCode failureCode, String failureReason) {
        return new AdjustmentOutcome(adjustmentId, walletId, amount, direction, reason, decision.status(), proposedBy,
                proposedAt, approvedBy, rejectedBy, decisionReason, decidedAt, failureCode, failureReason);
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(AdjustmentProposedEvent event, @Timestamp Instant at) {
        adjustmentId = event.adjustmentId();
        walletId = event.walletId();
        amount = event.amount();
        direction = event.direction();
        reason = event.reason();
        proposedBy = event.proposedBy();
        proposedAt = at;
        requestHash = event.requestHash();
        decision = new Pending();
    }

    /** The second half of the maker-checker pair: a stored decision by the proposer itself is never loaded. */
    @EventSourcingHandler
    void on(AdjustmentApprovedEvent event, @Timestamp Instant at) {
        requireOtherDecider(event.approvedBy());
        decision = new Approved(event.approvedBy(), event.reason(), at);
    }

    @EventSourcingHandler
    void on(AdjustmentFailedEvent event, @Timestamp Instant at) {
        requireOtherDecider(event.approvedBy());
        decision = new Failed(event.approvedBy(), event.code(), event.reason(), at);
    }

    @EventSourcingHandler
    void on(AdjustmentRejectedEvent event, @Timestamp Instant at) {
        requireOtherDecider(event.rejectedBy());
        decision = new Rejected(event.rejectedBy(), event.reason(), at);
    }

    private void requireOtherDecider(String decider) {
        if (proposedBy.equals(decider)) {
            throw new IllegalStateException("adjustment %s decided by its own proposer %s".formatted(adjustmentId, decider));
        }
    }
}
