package com.mizani.command.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApprovePaymentResolutionCommand;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentResolutionApprovedEvent;
import com.mizani.kernel.payment.PaymentResolutionProposedEvent;
import com.mizani.kernel.payment.PaymentResolutionRejectedEvent;
import com.mizani.kernel.payment.PaymentReview;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusQueriedEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.RecordC2bConfirmationCommand;
import com.mizani.kernel.payment.RecordDepositCommand;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.RejectPaymentResolutionCommand;
import com.mizani.kernel.payment.RequestMobileDepositCommand;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Money entering or leaving through a payment method. Its id comes from the idempotency key (or, for a C2B
 * notification, from the provider's TransID), so it is also the record that stops a repeated request or a
 * replayed callback from moving money twice. It decides what every provider message means for it
 * ({@link #decide}); the handlers in this package move the wallet's money in the same unit of work.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private UUID paymentId;
    private PaymentKind kind;
    private UUID walletId;
    private Money amount;
    private Money fee;
    private Msisdn msisdn;
    private PaymentMethod method;
    private String requestHash;
    private PaymentStatus status;
    private ErrorCode failureCode;
    private String failureReason;
    private String providerReference;
    private Instant requestedAt;
    private Instant finishedAt;
    /** The resolution waiting for a second principal, while in MANUAL_REVIEW; null when none waits. */
    private Proposal proposal;
    /** The proposal whose approval decided the payment, and who approved it; null until then. */
    private UUID approvedProposalId;
    private String approvedBy;

    protected Payment() {
        // Required by Axon to rebuild the payment from its events.
    }

    boolean exists() {
        return paymentId != null;
    }

    // ---- creation: called by the handlers that also move the wallet's money ---------------------------------

    void requestDeposit(RecordDepositCommand command) {
        apply(new DepositRequestedEvent(command.paymentId(), command.walletId(), command.amount(),
                command.method(), command.requestHash()));
    }

    void requestWithdrawal(RequestWithdrawalCommand command) {
        apply(new WithdrawalRequestedEvent(command.paymentId(), command.walletId(), command.amount(), command.fee(),
                command.msisdn(), command.requestHash()));
    }

    void requestMobileDeposit(RequestMobileDepositCommand command) {
        apply(new MobileDepositRequestedEvent(command.paymentId(), command.walletId(), command.amount(),
                command.msisdn(), command.requestHash()));
    }

    void receiveC2b(RecordC2bConfirmationCommand command) {
        apply(new C2bPaymentReceivedEvent(command.paymentId(), command.transId(), command.billReference(),
                walletIdOf(command.billReference()), command.amount(), command.payer()));
    }

    /** The answer to a repeated request: the current outcome, or a conflict if the payload differs. */
    PaymentOutcome outcomeOfRepeat(String repeatedRequestHash) {
        if (!Objects.equals(requestHash, repeatedRequestHash)) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different payment");
        }
        return outcome();
    }

    void reserved() {
        requireStatus(PaymentStatus.REQUESTED);
        apply(new WithdrawalReservedEvent(paymentId, walletId, amount, fee, msisdn));
    }

    void acceptMobileDeposit() {
        requireStatus(PaymentStatus.REQUESTED);
        apply(new MobileDepositAcceptedEvent(paymentId, walletId, amount, msisdn));
    }

    /** Cash deposits settle at once, with no provider in between. */
    void settle() {
        requireStatus(PaymentStatus.REQUESTED);
        apply(new PaymentSettledEvent(paymentId));
    }

    void reject(ErrorCode code, String reason) {
        requireStatus(PaymentStatus.REQUESTED);
        apply(new PaymentRejectedEvent(paymentId, code, reason));
    }

    // ---- the provider conversation, driven by the payment sagas ----------------------------------------------

    /** A late acknowledgement (after the outcome, or after we gave up on an answer) changes nothing. */
    @CommandHandler
    void handle(MarkPaymentSubmittedCommand command) {
        if (status == PaymentStatus.RESERVED || status == PaymentStatus.REQUESTED && kind == PaymentKind.DEPOSIT) {
            apply(new PaymentSubmittedEvent(paymentId, command.providerReference()));
        }
    }

    @CommandHandler
    void handle(MarkPaymentAmbiguousCommand command) {
        if (status == PaymentStatus.RESERVED || status == PaymentStatus.REQUESTED && kind == PaymentKind.DEPOSIT) {
            apply(new PaymentAmbiguousEvent(paymentId, command.reason()));
        }
    }

    /**
     * Recorded whatever the status: the answer to a query can overtake this record (the provider calls back before
     * the saga gets here), and the audit trail should still show that the question was asked.
     */
    @CommandHandler
    void handle(RecordStatusQueryCommand command) {
        apply(new PaymentStatusQueriedEvent(paymentId, command.attempt(), command.sent()));
    }

    @CommandHandler
    void handle(RequirePaymentReviewCommand command) {
        if (isAwaitingProvider()) {
            apply(new PaymentReviewRequiredEvent(paymentId, command.reason()));
        }
    }

    /** What a provider message means for this payment; nothing is applied until the handler acts on it. */
    Decision decide(ProviderResult result) {
        if (status.isFinal()) {
            return Decision.ignore("the payment is already " + status + "; a late or repeated message changes nothing");
        }
        if (status == PaymentStatus.MANUAL_REVIEW) {
            return Decision.ignore("the payment is in manual review; an operator decides it");
        }
        return switch (result.outcome()) {
            case UNKNOWN -> result.evidence() == Evidence.QUEUE_TIMEOUT && status == PaymentStatus.SUBMITTED
                    ? Decision.of(Decision.Action.AMBIGUOUS, "the provider's queue timed out: " + result.description())
                    : Decision.ignore("not a definitive answer: " + result.resultCode() + " " + result.description());
            case NOT_PAID -> Decision.of(Decision.Action.FAIL, result.description());
            case PAID -> decidePaid(result);
        };
    }

    private Decision decidePaid(ProviderResult result) {
        if (result.amountMinor() != null && result.amountMinor() != amount.amountMinor()) {
            return Decision.of(Decision.Action.REVIEW, "the provider reports %s but we asked for %s"
                    .formatted(Money.format(result.amountMinor(), amount.currency()), amount.toDecimalString()));
        }
        if (msisdn != null && result.msisdn() != null && !result.msisdn().equals(msisdn.value())) {
            return Decision.of(Decision.Action.REVIEW, "the provider reports another mobile number than the request's");
        }
        return Decision.of(Decision.Action.CONFIRM, result.description());
    }

    void ignore(ProviderResult result, String reason) {
        apply(new ProviderResultIgnoredEvent(paymentId, result, reason));
    }

    void becomeAmbiguous(String reason) {
        apply(new PaymentAmbiguousEvent(paymentId, reason));
    }

    void requireReview(String reason) {
        requireAwaitingProvider();
        apply(new PaymentReviewRequiredEvent(paymentId, reason));
    }

    void confirm(String receipt, Evidence evidence) {
        if (!isAwaitingProvider() && status != PaymentStatus.MANUAL_REVIEW) {
            throw new IllegalStateException("payment %s is %s and cannot be confirmed".formatted(paymentId, status));
        }
        apply(new PaymentConfirmedEvent(paymentId, receipt, evidence));
    }

    void fail(String resultCode, String reason, Evidence evidence) {
        if (!isAwaitingProvider() && status != PaymentStatus.MANUAL_REVIEW) {
            throw new IllegalStateException("payment %s is %s and cannot fail".formatted(paymentId, status));
        }
        apply(new PaymentFailedEvent(paymentId, resultCode, reason, evidence));
    }

    // ---- four eyes: an operator proposes how a payment in review ends, another one approves or rejects it -------

    /**
     * Records a proposal, which moves nothing. The same principal proposing the same again (a retried request) gets
     * the pending proposal back; anything else while one waits is a conflict: it must be rejected first.
     */
    void proposeResolution(ProposePaymentResolutionCommand command) {
        requireInReview();
        if (proposal != null) {
            if (proposal.isRepeatedBy(command)) {
                return;
            }
            throw new MizaniException(ErrorCode.PAYMENT_RESOLUTION_ALREADY_PROPOSED, "payment %s already has a resolution "
                    + "proposed by %s waiting for approval; reject it first".formatted(paymentId, proposal.proposedBy()));
        }
        boolean creditsUnmatchedDeposit = command.paid() && walletId == null;
        if (creditsUnmatchedDeposit && command.walletId() == null) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "this deposit matched no wallet: name the walletId to credit");
        }
        if (!creditsUnmatchedDeposit && command.walletId() != null && !command.walletId().equals(walletId)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "walletId may only name the wallet of an unmatched deposit");
        }
        apply(new PaymentResolutionProposedEvent(paymentId, command.proposalId(), command.paid(), command.reason(),
                creditsUnmatchedDeposit ? command.walletId() : null, command.proposedBy()));
    }

    /**
     * Approves the pending proposal and puts it into effect as the operator decision; the handler then moves the money
     * in the same unit of work. Empty when the same approver repeats an approval that already decided the payment:
     * nothing is applied and the payment answers as it is.
     */
    Optional<Proposal> approveResolution(ApprovePaymentResolutionCommand command) {
        if (proposal == null && status.isFinal() && command.approvedBy().equals(approvedBy)
                && (command.proposalId() == null || command.proposalId().equals(approvedProposalId))) {
            return Optional.empty();
        }
        Proposal approved = requirePending(command.proposalId());
        requireOtherPrincipal(approved, command.approvedBy());
        apply(new PaymentResolutionApprovedEvent(paymentId, approved.proposalId(), approved.proposedBy(),
                command.approvedBy(), command.reason()));
        apply(new PaymentReviewResolvedEvent(paymentId, approved.paid(), approved.reason(), approved.proposedBy(),
                approved.walletId()));
        return Optional.of(approved);
    }

    /** Rejects the pending proposal: the payment stays in review, and a new proposal may follow. */
    void rejectResolution(RejectPaymentResolutionCommand command) {
        Proposal rejected = requirePending(command.proposalId());
        requireOtherPrincipal(rejected, command.rejectedBy());
        apply(new PaymentResolutionRejectedEvent(paymentId, rejected.proposalId(), rejected.proposedBy(),
                command.rejectedBy(), command.reason()));
    }

    private void requireInReview() {
        if (status != PaymentStatus.MANUAL_REVIEW) {
            throw new MizaniException(ErrorCode.PAYMENT_NOT_IN_REVIEW,
                    "payment %s is %s, not in MANUAL_REVIEW".formatted(paymentId, status));
        }
    }

    private Proposal requirePending(UUID expectedProposalId) {
        if (proposal == null) {
            throw new MizaniException(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED,
                    "payment %s has no resolution waiting for approval (it is %s)".formatted(paymentId, status));
        }
        if (expectedProposalId != null && !expectedProposalId.equals(proposal.proposalId())) {
            throw new MizaniException(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED, "proposal %s of payment %s is not the "
                    + "one waiting for approval (%s)".formatted(expectedProposalId, paymentId, proposal.proposalId()));
        }
        return proposal;
    }

    /** Maker and checker are two principals, whatever roles either holds. */
    private void requireOtherPrincipal(Proposal pending, String decidedBy) {
        if (pending.proposedBy().equals(decidedBy)) {
            throw new MizaniException(ErrorCode.PROPOSER_CANNOT_DECIDE, "%s proposed this resolution of payment %s and "
                    + "cannot also approve or reject it; another principal must".formatted(decidedBy, paymentId));
        }
    }

    PaymentReview review() {
        return new PaymentReview(outcome(), proposal == null ? null : proposal.view());
    }

    /** A bill reference names a wallet by its id; anything else names none and parks the payment for review. */
    private static UUID walletIdOf(String billReference) {
        try {
            UUID parsed = UUID.fromString(billReference.strip());
            return parsed.toString().equalsIgnoreCase(billReference.strip()) ? parsed : null;
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    // ---- what the handlers need to know -----------------------------------------------------------------------

    PaymentKind kind() {
        return kind;
    }

    PaymentMethod method() {
        return method;
    }

    UUID walletId() {
        return walletId;
    }

    Money amount() {
        return amount;
    }

    Money fee() {
        return fee;
    }

    PaymentOutcome outcome() {
        return new PaymentOutcome(paymentId, walletId, amount, fee, method, status, failureCode, failureReason,
                requestedAt, finishedAt);
    }

    private boolean isAwaitingProvider() {
        return status == PaymentStatus.REQUESTED && kind == PaymentKind.DEPOSIT
                || status == PaymentStatus.RESERVED
                || status == PaymentStatus.SUBMITTED
                || status == PaymentStatus.AMBIGUOUS;
    }

    private void requireAwaitingProvider() {
        if (!isAwaitingProvider()) {
            throw new IllegalStateException("payment %s is %s, not awaiting the provider".formatted(paymentId, status));
        }
    }

    private void requireStatus(PaymentStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("payment %s is %s, not %s".formatted(paymentId, status, expected));
        }
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(DepositRequestedEvent event, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.DEPOSIT, event.walletId(), event.amount(), event.method(), at);
        requestHash = event.requestHash();
    }

    @EventSourcingHandler
    void on(WithdrawalRequestedEvent event, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.WITHDRAWAL, event.walletId(), event.amount(), PaymentMethod.MPESA_B2C, at);
        fee = event.fee();
        msisdn = event.msisdn();
        requestHash = event.requestHash();
    }

    @EventSourcingHandler
    void on(MobileDepositRequestedEvent event, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.DEPOSIT, event.walletId(), event.amount(), PaymentMethod.MPESA_STK, at);
        msisdn = event.msisdn();
        requestHash = event.requestHash();
    }

    @EventSourcingHandler
    void on(C2bPaymentReceivedEvent event, @Timestamp Instant at) {
        created(event.paymentId(), PaymentKind.DEPOSIT, event.walletId(), event.amount(), PaymentMethod.MPESA_C2B, at);
        providerReference = event.transId();
    }

    private void created(UUID id, PaymentKind newKind, UUID wallet, Money money, PaymentMethod newMethod, Instant at) {
        paymentId = id;
        kind = newKind;
        walletId = wallet;
        amount = money;
        fee = Money.of(0, money.currency());
        method = newMethod;
        status = PaymentStatus.REQUESTED;
        requestedAt = at;
    }

    @EventSourcingHandler
    void on(WithdrawalReservedEvent event) {
        status = PaymentStatus.RESERVED;
    }

    @EventSourcingHandler
    void on(PaymentSubmittedEvent event) {
        status = PaymentStatus.SUBMITTED;
        providerReference = event.providerReference();
    }

    @EventSourcingHandler
    void on(PaymentAmbiguousEvent event) {
        status = PaymentStatus.AMBIGUOUS;
    }

    @EventSourcingHandler
    void on(PaymentReviewRequiredEvent event) {
        status = PaymentStatus.MANUAL_REVIEW;
    }

    @EventSourcingHandler
    void on(PaymentResolutionProposedEvent event, @Timestamp Instant at) {
        proposal = new Proposal(event.proposalId(), event.paid(), event.reason(), event.walletId(), event.proposedBy(), at);
    }

    /** The second half of the maker-checker pair: a stored approval by its own proposer is never loaded. */
    @EventSourcingHandler
    void on(PaymentResolutionApprovedEvent event) {
        if (event.approvedBy().equals(event.proposedBy())) {
            throw new IllegalStateException("payment %s: resolution %s approved by its own proposer %s"
                    .formatted(paymentId, event.proposalId(), event.approvedBy()));
        }
        proposal = null;
        approvedProposalId = event.proposalId();
        approvedBy = event.approvedBy();
    }

    @EventSourcingHandler
    void on(PaymentResolutionRejectedEvent event) {
        if (event.rejectedBy().equals(event.proposedBy())) {
            throw new IllegalStateException("payment %s: resolution %s rejected by its own proposer %s"
                    .formatted(paymentId, event.proposalId(), event.rejectedBy()));
        }
        proposal = null;
    }

    @EventSourcingHandler
    void on(PaymentReviewResolvedEvent event) {
        if (event.walletId() != null) {
            walletId = event.walletId();
        }
    }

    @EventSourcingHandler
    void on(PaymentSettledEvent event, @Timestamp Instant at) {
        status = PaymentStatus.SETTLED;
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(PaymentConfirmedEvent event, @Timestamp Instant at) {
        status = PaymentStatus.SETTLED;
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(PaymentFailedEvent event, @Timestamp Instant at) {
        status = PaymentStatus.FAILED;
        failureReason = event.reason();
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(PaymentRejectedEvent event, @Timestamp Instant at) {
        status = PaymentStatus.REJECTED;
        failureCode = event.code();
        failureReason = event.reason();
        finishedAt = at;
    }
}
