package com.mizani.command.adjustment;

import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentOutcome;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.ProposeAdjustmentCommand;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A manual correction of one wallet's balance, decided by two principals: one proposes it, another approves it
 * (then it posts against {@code adjustments:<CCY>}) or rejects it. Its id comes from the proposer's idempotency key,
 * so it is also the record that makes a repeated proposal land on the first one. That proposer and approver differ
 * is decided here, by principal id, whatever roles they hold. {@link AdjustmentCommandHandler} drives it together
 * with the wallet, in one unit of work.
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

    boolean exists() {
        return adjustmentId != null;
    }

    void propose(ProposeAdjustmentCommand command) {
        apply(new AdjustmentProposedEvent(command.adjustmentId(), command.walletId(), command.amount(),
                command.direction(), command.reason(), command.proposedBy(), command.requestHash()));
    }

    /** The answer to a repeated proposal: the adjustment as it is now, or a conflict if the payload differs. */
    AdjustmentOutcome outcomeOfRepeat(String repeatedRequestHash) {
        if (!requestHash.equals(repeatedRequestHash)) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different adjustment");
        }
        return outcome();
    }

    /**
     * Whether {@code approver} may approve now, so that the handler posts. False for the principal whose approval
     * already decided it (a retried approval answers the adjustment as it is); refused for the proposer, and for an
     * adjustment another principal decided.
     */
    boolean admitsApprovalBy(String approver) {
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

    /** The wallet took the posting (stored just before, in this unit of work). */
    void approve(String approver, String note) {
        requirePending();
        requireOtherThanProposer(approver);
        apply(new AdjustmentApprovedEvent(adjustmentId, walletId, amount, direction, proposedBy, approver, note));
    }

    /** The wallet refused the posting: the refusal is recorded and the adjustment is final. */
    void fail(String approver, ErrorCode code, String refusal) {
        requirePending();
        requireOtherThanProposer(approver);
        apply(new AdjustmentFailedEvent(adjustmentId, walletId, proposedBy, approver, code, refusal));
    }

    /** A rejection repeated by its own rejecter changes nothing. */
    void reject(String rejecter, String why) {
        switch (decision) {
            case Pending ignored -> {
                requireOtherThanProposer(rejecter);
                apply(new AdjustmentRejectedEvent(adjustmentId, proposedBy, rejecter, why));
            }
            case Rejected rejected when rejected.rejectedBy().equals(rejecter) -> {
                // Already rejected by this principal: the repeat answers the adjustment as it is.
            }
            default -> throw notPending();
        }
    }

    private void requirePending() {
        if (!(decision instanceof Pending)) {
            throw new IllegalStateException("adjustment %s is %s, not pending".formatted(adjustmentId, decision.status()));
        }
    }

    private void requireOtherThanProposer(String principal) {
        if (proposedBy.equals(principal)) {
            throw new MizaniException(ErrorCode.PROPOSER_CANNOT_DECIDE, "%s proposed adjustment %s and cannot also "
                    + "approve or reject it; another principal must".formatted(principal, adjustmentId));
        }
    }

    private MizaniException notPending() {
        return new MizaniException(ErrorCode.ADJUSTMENT_NOT_PENDING,
                "adjustment %s is already %s".formatted(adjustmentId, decision.status()));
    }

    UUID walletId() {
        return walletId;
    }

    Money amount() {
        return amount;
    }

    Direction direction() {
        return direction;
    }

    AdjustmentOutcome outcome() {
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
