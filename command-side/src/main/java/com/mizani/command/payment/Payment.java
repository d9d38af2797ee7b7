package com.mizani.command.payment;

import com.mizani.command.support.IdempotentCreation;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletChecks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.audit.AuditMetadata;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.ApproveIncidentCorrectionCommand;
import com.mizani.kernel.payment.ApprovePaymentResolutionCommand;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
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
import com.mizani.kernel.payment.ProposeIncidentCorrectionCommand;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.RecordC2bConfirmationCommand;
import com.mizani.kernel.payment.RecordDepositCommand;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.RejectIncidentCorrectionCommand;
import com.mizani.kernel.payment.RejectPaymentResolutionCommand;
import com.mizani.kernel.payment.RequestMobileDepositCommand;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Money entering or leaving through a payment method, and the one place that handles every command about it. Its id
 * comes from the idempotency key (or, for a C2B notification, from the provider's TransID), so it is also the record
 * that stops a repeated request or a replayed callback from moving money twice.
 *
 * <p>Payouts and deposits are one aggregate with a sealed {@link PaymentState} ({@link Payout} or {@link Deposit}),
 * not two aggregates: the sagas and the provider callbacks address a payment by its id alone, whatever its kind, and
 * the stored streams are of aggregate type {@code Payment}. What differs between the two lifecycles (when a payment
 * waits for the provider, how its money moves) is a property of the state type, never a check of its kind.
 *
 * <p>The wallet's money moves in the same unit of work as the decision that moves it, through the {@link WalletLegs}
 * each handler is given: a payment is SETTLED exactly when its money has moved, and FAILED exactly when its reservation
 * is back. The payment's lock serialises concurrent duplicates: the second one finds the first one's outcome.
 *
 * <p>The creating commands are {@code CREATE_IF_MISSING}: a repeat finds the payment the first request created. The
 * commands from outside that name an existing payment (a provider's result, an operator's resolution) are too, so that
 * an unknown id reaches this class and is refused with PAYMENT_NOT_FOUND; Axon's own not-found failure carries no code.
 * Nothing is stored for them. The sagas' commands keep Axon's default: a saga only knows payments that exist.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private UUID paymentId;
    /** Null until the payment is recorded. */
    private PaymentState state;
    private String requestHash;
    private ErrorCode failureCode;
    private String failureReason;
    private Instant requestedAt;
    private Instant finishedAt;
    /**
     * The latest we know the request to the provider had gone out by: the reservation that decided it, or the answer
     * to it (acknowledged, or of unknown fate). Null until then. A settle window runs from here ({@link SettleWindow}).
     */
    private Instant providerRequestAt;
    /** The "no such payment" status answers since the last other status answer. */
    private int notFoundAnswers;
    /** The resolution waiting for a second principal, while in MANUAL_REVIEW; null when none waits. */
    private Proposal proposal;
    /** The proposal whose approval decided the payment, and who approved it; null until then. */
    private UUID approvedProposalId;
    private String approvedBy;
    /** What our books say the provider moved, once the payment is SETTLED or FAILED; null before. */
    private ProviderBooks books;
    /** The latest incident, open or resolved; null when the provider never contradicted the payment. */
    private Incident incident;
    private int incidentCount;
    /** The provider messages that resolved incidents judged: a repeat of one opens no new incident. */
    private final Set<String> judgedEvidence = new HashSet<>();
    private final PaymentHistory history = new PaymentHistory();

    protected Payment() {
        // Required by Axon to rebuild the payment from its events.
    }

    // ---- creation: the payment and its first step on the wallet, in one unit of work ------------------------------

    /** A cash deposit credits the wallet and settles at once, with no provider in between. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentOutcome handle(RecordDepositCommand command, WalletLegs wallets) {
        return recordNew(command.requestHash(),
                new DepositRequestedEvent(command.paymentId(), command.walletId(), command.amount(), command.method(),
                        command.requestHash()),
                () -> state.settle(command.paymentId(), wallets),
                new PaymentSettledEvent(command.paymentId()));
    }

    /** A payout exists with its amount and fee held on the wallet; the payout saga takes it from there. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentOutcome handle(RequestWithdrawalCommand command, WalletLegs wallets) {
        return recordNew(command.requestHash(),
                new WithdrawalRequestedEvent(command.paymentId(), command.walletId(), command.amount(), command.fee(),
                        command.msisdn(), command.requestHash(), command.payrollItem()),
                () -> wallets.reserve(command.walletId(), command.paymentId(), command.amount().plus(command.fee())),
                new WithdrawalReservedEvent(command.paymentId(), command.walletId(), command.amount(), command.fee(),
                        command.msisdn(), command.payrollItem()));
    }

    /**
     * Asks the wallet whether it would take the money before accepting, so that a push is never sent for a wallet that
     * would refuse it. The deposit saga sends the push; the provider's answer credits.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentOutcome handle(RequestMobileDepositCommand command, WalletChecks walletChecks) {
        return recordNew(command.requestHash(),
                new MobileDepositRequestedEvent(command.paymentId(), command.walletId(), command.amount(),
                        command.msisdn(), command.requestHash()),
                () -> walletChecks.refusalOfCredit(command.walletId(), command.amount()),
                new MobileDepositAcceptedEvent(command.paymentId(), command.walletId(), command.amount(),
                        command.msisdn()));
    }

    /**
     * Records a payment a client asked for, then takes its first step on the wallet: a refusal there rejects the
     * payment at once, with the wallet's code (insufficient funds, a frozen wallet); otherwise {@code accepted} follows.
     * A repeat of the request answers the payment as it is, or is a conflict if its payload differs.
     */
    private PaymentOutcome recordNew(String hash, PaymentEvent requested,
                                     Supplier<Optional<MizaniException>> firstStep, PaymentEvent accepted) {
        if (state != null) {
            IdempotentCreation.requireSamePayload(requestHash, hash, "payment");
            return outcome();
        }
        apply(requested);
        firstStep.get().ifPresentOrElse(
                refusal -> apply(new PaymentRejectedEvent(paymentId, refusal.code(), refusal.getMessage())),
                () -> apply(accepted));
        return outcome();
    }

    /**
     * The id is derived from the TransID, so a replayed notification finds the payment the first one created and is
     * only recorded. One that names no wallet, or a wallet that refuses, is parked in review: the provider holds the
     * money, and operators decide where it goes.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentOutcome handle(RecordC2bConfirmationCommand command, WalletLegs wallets) {
        if (state != null) {
            ProviderResult repeat = new ProviderResult(Evidence.CALLBACK, ProviderResult.Outcome.PAID, "0",
                    "C2B confirmation repeated", command.transId(), command.amount().amountMinor(), null,
                    command.transId());
            apply(new ProviderResultIgnoredEvent(paymentId, repeat, "a confirmation with this TransID was already recorded"));
            return outcome();
        }
        apply(new C2bPaymentReceivedEvent(command.paymentId(), command.transId(), command.billReference(),
                walletIdOf(command.billReference()), command.amount(), command.payer()));
        if (state.walletId() == null) {
            requireReview("the bill reference names no wallet");
        } else {
            settle(command.transId(), Evidence.CALLBACK, wallets);
        }
        return outcome();
    }

    // ---- the provider conversation, driven by the payment sagas and the provider's callbacks -----------------------

    /** A late acknowledgement (after the outcome, or after we gave up on an answer) changes nothing. */
    @CommandHandler
    void handle(MarkPaymentSubmittedCommand command) {
        if (state.awaitsAcknowledgement()) {
            apply(new PaymentSubmittedEvent(paymentId, command.providerReference()));
        }
    }

    @CommandHandler
    void handle(MarkPaymentAmbiguousCommand command) {
        if (state.awaitsAcknowledgement()) {
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
        if (state.awaitsProvider()) {
            apply(new PaymentReviewRequiredEvent(paymentId, command.reason()));
        }
    }

    /** The payment decides what the message means; the money moves for that decision here, in this unit of work. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentOutcome handle(ApplyProviderResultCommand command, WalletLegs wallets, SettleWindow settleWindow,
                          WalletChecks walletChecks) {
        requireRecorded(command.paymentId());
        ProviderResult result = command.result();
        if (books != null) {
            answerAfterFinal(result, walletChecks);
            return outcome();
        }
        boolean notFoundConfirmed = notFoundAnswers > 0 && settleWindow.hasPassedSince(providerRequestAt);
        Decision decision = state.decide(result, notFoundConfirmed);
        switch (decision.action()) {
            case IGNORE -> apply(new ProviderResultIgnoredEvent(paymentId, result, decision.reason()));
            case AMBIGUOUS -> apply(new PaymentAmbiguousEvent(paymentId, decision.reason()));
            case REVIEW -> requireReview(decision.reason());
            case CONFIRM -> settle(result.receipt(), result.evidence(), wallets);
            case FAIL -> fail(result.resultCode(), decision.reason(), result.evidence(), wallets);
        }
        return outcome();
    }

    /**
     * Moves the money first, then confirms. A wallet that refuses a deposit's credit parks the payment in review (the
     * provider holds the money), except on an operator's approval: then the whole unit of work fails, nothing of the
     * approval is stored, and the approver gets the wallet's refusal (and may reject the proposal).
     */
    private void settle(String receipt, Evidence evidence, WalletLegs wallets) {
        Optional<MizaniException> refused = state.settle(paymentId, wallets);
        if (refused.isPresent() && evidence == Evidence.OPERATOR) {
            throw refused.get();
        }
        if (refused.isPresent()) {
            requireReview("the provider received the money but the wallet refused it: " + refused.get().getMessage());
            return;
        }
        requireDecidable("cannot be confirmed");
        apply(new PaymentConfirmedEvent(paymentId, receipt, evidence));
    }

    private void fail(String resultCode, String reason, Evidence evidence, WalletLegs wallets) {
        state.unwind(paymentId, wallets);
        requireDecidable("cannot fail");
        apply(new PaymentFailedEvent(paymentId, resultCode, reason, evidence));
    }

    private void requireReview(String reason) {
        if (!state.awaitsProvider()) {
            throw new IllegalStateException("payment %s is %s, not awaiting the provider".formatted(paymentId, status()));
        }
        apply(new PaymentReviewRequiredEvent(paymentId, reason));
    }

    /** Only the provider's answer, or operators in review, end a payment; anything else here is a bug. */
    private void requireDecidable(String otherwise) {
        if (!state.awaitsProvider() && status() != PaymentStatus.MANUAL_REVIEW) {
            throw new IllegalStateException("payment %s is %s and %s".formatted(paymentId, status(), otherwise));
        }
    }

    // ---- incidents: the provider contradicts a final payment, and two principals correct the books -------------

    /**
     * A message about a SETTLED or FAILED payment. One that agrees with our books (a duplicate, a late one) changes
     * nothing, as does a repeat of one an incident holds or judged. One that contradicts them is recorded as a
     * contradiction under the open incident, or opens one; the system then proposes the correction its difference
     * calls for, unless an operator's proposal already waits. Nothing moves before an approval.
     */
    private void answerAfterFinal(ProviderResult result, WalletChecks walletChecks) {
        long requested = state.amount().amountMinor();
        String evidenceKey = Incident.evidenceKey(result, requested);
        boolean openIncident = incident != null && incident.isOpen();
        if (openIncident && incident.evidence().contains(evidenceKey)) {
            apply(new ProviderResultIgnoredEvent(paymentId, result, "incident " + incident.incidentId()
                    + " already holds this message"));
            return;
        }
        if (judgedEvidence.contains(evidenceKey)) {
            apply(new ProviderResultIgnoredEvent(paymentId, result, "a resolved incident already judged this message"));
            return;
        }
        Optional<ProviderBooks.Contradiction> contradiction = books.contradictionBy(result, status(), requested);
        if (contradiction.isEmpty()) {
            apply(new ProviderResultIgnoredEvent(paymentId, result, "the payment is already " + status()
                    + "; a late or repeated message changes nothing"));
            return;
        }
        UUID incidentId = openIncident ? incident.incidentId() : Incident.idFor(paymentId, incidentCount + 1);
        apply(new PaymentContradictedEvent(paymentId, incidentId, contradiction.get().kind(), result, status(),
                books.movedMinor(), contradiction.get().claimedMinor(), history.lines()));
        if (incident.pending() == null || AuditMetadata.SYSTEM.equals(incident.pending().proposedBy())) {
            proposeBySystem(walletChecks);
        }
    }

    private void proposeBySystem(WalletChecks walletChecks) {
        long debt = state.walletDebtOf(incident.differenceMinor());
        boolean walletHoldsDebt = debt > 0 && walletChecks.holdsAvailable(state.walletId(),
                Money.of(debt, state.amount().currency()));
        Correction correction = Corrections.proposedFor(debt, state.walletId(), state.amount().currency(),
                walletHoldsDebt);
        String reason = "the provider says it moved %s for this payment, our books %s"
                .formatted(Money.format(books.movedMinor() + incident.differenceMinor(), state.amount().currency()),
                        Money.format(books.movedMinor(), state.amount().currency()));
        apply(new IncidentCorrectionProposedEvent(paymentId, incident.incidentId(), UUID.randomUUID(), correction,
                reason, AuditMetadata.SYSTEM));
    }

    /**
     * An operator proposes how the open incident is corrected, once no proposal waits (a rejected one included). The
     * amount is always the incident's difference; only what moves it is chosen. The same principal proposing the same
     * again gets the pending proposal back.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    IncidentState handle(ProposeIncidentCorrectionCommand command) {
        requireRecorded(command.paymentId());
        Incident open = requireOpenIncident(command.incidentId());
        Correction correction = Corrections.named(command.action(), state.walletDebtOf(open.differenceMinor()),
                state.walletId(), state.amount().currency());
        if (open.pending() == null) {
            apply(new IncidentCorrectionProposedEvent(paymentId, open.incidentId(), command.proposalId(), correction,
                    command.reason(), command.proposedBy()));
        } else if (!open.pending().isRepeatedBy(command.proposedBy(), correction, command.reason())) {
            throw new MizaniException(ErrorCode.INCIDENT_CORRECTION_ALREADY_PROPOSED, "incident %s already has a "
                    + "correction proposed by %s waiting for approval; reject it first"
                    .formatted(open.incidentId(), open.pending().proposedBy()));
        }
        return incidentView();
    }

    /**
     * Approves the pending correction: its postings and the resolution in one unit of work. A wallet that refuses
     * them (a closed wallet, funds gone since the proposal) fails the whole unit of work, so nothing of the approval
     * is stored and the proposal stays pending. The approver repeating the approval that resolved the incident gets
     * it as it is.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    IncidentState handle(ApproveIncidentCorrectionCommand command, WalletLegs wallets) {
        requireRecorded(command.paymentId());
        if (incident != null && !incident.isOpen() && incident.resolution().approvedBy().equals(command.approvedBy())
                && (command.proposalId() == null || command.proposalId().equals(incident.resolution().proposalId()))) {
            return incidentView();
        }
        Incident.Pending approved = requirePendingCorrection(command.proposalId());
        requireOtherDecider(approved.proposedBy(), command.approvedBy());
        Corrections.post(approved.correction(), paymentId, state.settlementAccount(), wallets).ifPresent(refusal -> {
            throw refusal;
        });
        apply(new IncidentResolvedEvent(paymentId, incident.incidentId(), approved.proposalId(), approved.correction(),
                approved.proposedBy(), command.approvedBy(), command.reason()));
        return incidentView();
    }

    /** Rejects the pending correction: the incident stays open, and an operator may propose another. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    IncidentState handle(RejectIncidentCorrectionCommand command) {
        requireRecorded(command.paymentId());
        Incident.Pending rejected = requirePendingCorrection(command.proposalId());
        requireOtherDecider(rejected.proposedBy(), command.rejectedBy());
        apply(new IncidentCorrectionRejectedEvent(paymentId, incident.incidentId(), rejected.proposalId(),
                rejected.proposedBy(), command.rejectedBy(), command.reason()));
        return incidentView();
    }

    private IncidentState incidentView() {
        return incident.view(paymentId, state.amount().currency());
    }

    private Incident requireOpenIncident(UUID expectedIncidentId) {
        if (incident == null || !incident.isOpen()) {
            throw new MizaniException(ErrorCode.INCIDENT_NOT_OPEN, "payment %s has no open incident".formatted(paymentId));
        }
        if (expectedIncidentId != null && !expectedIncidentId.equals(incident.incidentId())) {
            throw new MizaniException(ErrorCode.INCIDENT_NOT_OPEN, "incident %s of payment %s is not open (%s is)"
                    .formatted(expectedIncidentId, paymentId, incident.incidentId()));
        }
        return incident;
    }

    private Incident.Pending requirePendingCorrection(UUID expectedProposalId) {
        Incident open = requireOpenIncident(null);
        if (open.pending() == null) {
            throw new MizaniException(ErrorCode.INCIDENT_CORRECTION_NOT_PROPOSED,
                    "incident %s has no correction waiting for approval".formatted(open.incidentId()));
        }
        if (expectedProposalId != null && !expectedProposalId.equals(open.pending().proposalId())) {
            throw new MizaniException(ErrorCode.INCIDENT_CORRECTION_NOT_PROPOSED, ("proposal %s of incident %s is not "
                    + "the one waiting for approval (%s)").formatted(expectedProposalId, open.incidentId(),
                    open.pending().proposalId()));
        }
        return open.pending();
    }

    /** Maker and checker are two principals; the system's proposals are checked by a person. */
    private void requireOtherDecider(String proposedBy, String decidedBy) {
        if (proposedBy.equals(decidedBy)) {
            throw new MizaniException(ErrorCode.PROPOSER_CANNOT_DECIDE, ("%s proposed this correction of payment %s "
                    + "and cannot also approve or reject it; another principal must").formatted(decidedBy, paymentId));
        }
    }

    // ---- four eyes: an operator proposes how a payment in review ends, another one approves or rejects it -------

    /**
     * Records a proposal, which moves nothing. The same principal proposing the same again (a retried request) gets
     * the pending proposal back; anything else while one waits is a conflict: it must be rejected first. One that
     * credits a parked C2B payment names a wallet, which must exist, hold the payment's currency and not be closed, or
     * the proposal is refused (and not stored); whether the wallet is frozen is asked when the money moves, on approval.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentReview handle(ProposePaymentResolutionCommand command, WalletChecks walletChecks) {
        requireRecorded(command.paymentId());
        requireInReview();
        if (proposal == null) {
            propose(command);
        } else if (!proposal.isRepeatedBy(command)) {
            throw new MizaniException(ErrorCode.PAYMENT_RESOLUTION_ALREADY_PROPOSED, ("payment %s already has a resolution "
                    + "proposed by %s waiting for approval; reject it first").formatted(paymentId, proposal.proposedBy()));
        }
        if (proposal.walletId() != null) {
            walletChecks.refusalOfFutureMovement(proposal.walletId(), state.amount()).ifPresent(refusal -> {
                throw refusal;
            });
        }
        return review();
    }

    private void propose(ProposePaymentResolutionCommand command) {
        boolean creditsUnmatchedDeposit = command.paid() && state.walletId() == null;
        if (creditsUnmatchedDeposit && command.walletId() == null) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    "this deposit matched no wallet: name the walletId to credit");
        }
        if (!creditsUnmatchedDeposit && command.walletId() != null && !command.walletId().equals(state.walletId())) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "walletId may only name the wallet of an unmatched deposit");
        }
        apply(new PaymentResolutionProposedEvent(paymentId, command.proposalId(), command.paid(), command.reason(),
                creditsUnmatchedDeposit ? command.walletId() : null, command.proposedBy()));
    }

    /**
     * Approves the pending proposal and puts it into effect as the operator decision, moving the money in this unit of
     * work. The same approver repeating an approval that already decided the payment gets the payment as it is.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentReview handle(ApprovePaymentResolutionCommand command, WalletLegs wallets) {
        requireRecorded(command.paymentId());
        if (isApprovalRepeatedBy(command)) {
            return review();
        }
        Proposal approved = requirePending(command.proposalId());
        requireOtherPrincipal(approved, command.approvedBy());
        apply(new PaymentResolutionApprovedEvent(paymentId, approved.proposalId(), approved.proposedBy(),
                command.approvedBy(), command.reason()));
        apply(new PaymentReviewResolvedEvent(paymentId, approved.paid(), approved.reason(), approved.proposedBy(),
                approved.walletId()));
        if (approved.paid()) {
            settle(null, Evidence.OPERATOR, wallets);
        } else {
            fail(null, approved.reason(), Evidence.OPERATOR, wallets);
        }
        return review();
    }

    private boolean isApprovalRepeatedBy(ApprovePaymentResolutionCommand command) {
        return proposal == null && status().isFinal() && command.approvedBy().equals(approvedBy)
                && (command.proposalId() == null || command.proposalId().equals(approvedProposalId));
    }

    /** Rejects the pending proposal: the payment stays in review, and a new proposal may follow. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PaymentReview handle(RejectPaymentResolutionCommand command) {
        requireRecorded(command.paymentId());
        Proposal rejected = requirePending(command.proposalId());
        requireOtherPrincipal(rejected, command.rejectedBy());
        apply(new PaymentResolutionRejectedEvent(paymentId, rejected.proposalId(), rejected.proposedBy(),
                command.rejectedBy(), command.reason()));
        return review();
    }

    private void requireInReview() {
        if (status() != PaymentStatus.MANUAL_REVIEW) {
            throw new MizaniException(ErrorCode.PAYMENT_NOT_IN_REVIEW,
                    "payment %s is %s, not in MANUAL_REVIEW".formatted(paymentId, status()));
        }
    }

    private Proposal requirePending(UUID expectedProposalId) {
        if (proposal == null) {
            throw new MizaniException(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED,
                    "payment %s has no resolution waiting for approval (it is %s)".formatted(paymentId, status()));
        }
        if (expectedProposalId != null && !expectedProposalId.equals(proposal.proposalId())) {
            throw new MizaniException(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED, ("proposal %s of payment %s is not the "
                    + "one waiting for approval (%s)").formatted(expectedProposalId, paymentId, proposal.proposalId()));
        }
        return proposal;
    }

    /** Maker and checker are two principals, whatever roles either holds. */
    private void requireOtherPrincipal(Proposal pending, String decidedBy) {
        if (pending.proposedBy().equals(decidedBy)) {
            throw new MizaniException(ErrorCode.PROPOSER_CANNOT_DECIDE, ("%s proposed this resolution of payment %s and "
                    + "cannot also approve or reject it; another principal must").formatted(decidedBy, paymentId));
        }
    }

    // ---- answers ----------------------------------------------------------------------------------------------

    private void requireRecorded(UUID requestedId) {
        if (state == null) {
            throw new MizaniException(ErrorCode.PAYMENT_NOT_FOUND, "payment " + requestedId + " does not exist");
        }
    }

    private PaymentStatus status() {
        return state.status();
    }

    /** The wallet whose money this payment moves, so that a group can lock it ahead; null before it is recorded. */
    UUID walletId() {
        return state == null ? null : state.walletId();
    }

    private PaymentOutcome outcome() {
        return new PaymentOutcome(paymentId, state.walletId(), state.amount(), state.fee(), state.method(), status(),
                failureCode, failureReason, requestedAt, finishedAt);
    }

    private PaymentReview review() {
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

    // ---- state ------------------------------------------------------------------------------------------------

    /**
     * Every event evolves the state here. The status is the one {@link PaymentEvent#statusAfter} gives, the mapping
     * the payment view and the audit trail read too; an event without one leaves it as it was.
     */
    @EventSourcingHandler
    void on(PaymentEvent event, @Timestamp Instant at) {
        Optional<PaymentStatus> movedTo = PaymentEvent.statusAfter(event);
        history.add(event, at, movedTo);
        PaymentStatus statusAfter = movedTo.orElse(null);
        switch (event) {
            case WithdrawalRequestedEvent e -> recorded(e.paymentId(), e.requestHash(), at,
                    new Payout(e.walletId(), e.amount(), e.fee(), e.msisdn(), statusAfter));
            case DepositRequestedEvent e -> recorded(e.paymentId(), e.requestHash(), at,
                    new Deposit(e.walletId(), e.amount(), e.method(), null, statusAfter));
            case MobileDepositRequestedEvent e -> recorded(e.paymentId(), e.requestHash(), at,
                    new Deposit(e.walletId(), e.amount(), PaymentMethod.MPESA_STK, e.msisdn(), statusAfter));
            case C2bPaymentReceivedEvent e -> recorded(e.paymentId(), null, at,
                    new Deposit(e.walletId(), e.amount(), PaymentMethod.MPESA_C2B, null, statusAfter));
            case PaymentResolutionProposedEvent e ->
                    proposal = new Proposal(e.proposalId(), e.paid(), e.reason(), e.walletId(), e.proposedBy(), at);
            case PaymentResolutionApprovedEvent e -> onApproved(e);
            case PaymentResolutionRejectedEvent e -> onRejected(e);
            case PaymentReviewResolvedEvent e when e.walletId() != null -> state = state.creditedTo(e.walletId());
            case WithdrawalReservedEvent e -> providerRequestAt = at;
            case MobileDepositAcceptedEvent e -> providerRequestAt = at;
            case PaymentSubmittedEvent e -> providerRequestAt = at;
            case PaymentAmbiguousEvent e -> providerRequestAt = at;
            case ProviderResultIgnoredEvent e -> countNotFound(e.result());
            case PaymentFailedEvent e -> {
                failureReason = e.reason();
                books = ProviderBooks.NOTHING_MOVED;
            }
            case PaymentConfirmedEvent e -> books = ProviderBooks.settled(e.receipt(), state.amount().amountMinor());
            case PaymentSettledEvent e -> books = ProviderBooks.settled(null, state.amount().amountMinor());
            case PaymentContradictedEvent e -> onContradicted(e);
            case IncidentCorrectionProposedEvent e -> incident = incident.withPending(new Incident.Pending(
                    e.proposalId(), e.correction(), e.reason(), e.proposedBy(), at));
            case IncidentCorrectionRejectedEvent e -> incident = incident.withPending(null);
            case IncidentResolvedEvent e -> onIncidentResolved(e, at);
            case PaymentRejectedEvent e -> {
                failureCode = e.code();
                failureReason = e.reason();
            }
            default -> {
                // Moves the status at most; the rest of what it says is for the audit trail.
            }
        }
        if (statusAfter != null) {
            state = state.withStatus(statusAfter);
            if (statusAfter.isFinal()) {
                finishedAt = at;
            }
        }
    }

    private void onContradicted(PaymentContradictedEvent event) {
        long difference = event.claimedMinor() - event.bookedMinor();
        String key = Incident.evidenceKey(event.evidence(), state.amount().amountMinor());
        if (incident != null && incident.isOpen() && incident.incidentId().equals(event.incidentId())) {
            incident = incident.withEvidence(event.kind(), difference, key, event.evidence(), state.amount().amountMinor());
        } else {
            incidentCount++;
            incident = Incident.opened(event.incidentId(), event.kind(), difference, key, event.evidence(),
                    state.amount().amountMinor());
        }
    }

    /** The books say what the approved correction made them say; the incident's messages are judged. */
    private void onIncidentResolved(IncidentResolvedEvent event, Instant at) {
        if (event.approvedBy().equals(event.proposedBy())) {
            throw new IllegalStateException("payment %s: correction %s approved by its own proposer %s"
                    .formatted(paymentId, event.proposalId(), event.approvedBy()));
        }
        long providerMoved = state.walletDebtOf(Corrections.walletDebtSettledBy(event.correction()));
        if (event.correction().action().movesMoney()) {
            books = books.corrected(providerMoved, incident.paidReceipts());
        }
        judgedEvidence.addAll(incident.evidence());
        incident = incident.resolved(new IncidentState.Resolution(event.proposalId(), event.correction(),
                event.proposedBy(), event.approvedBy(), event.note(), at));
    }

    /** Two "no such payment" answers in a row agree; any other status answer between them breaks the run. */
    private void countNotFound(ProviderResult ignored) {
        if (ignored.outcome() == ProviderResult.Outcome.NOT_FOUND) {
            notFoundAnswers++;
        } else if (ignored.evidence() == Evidence.STATUS_QUERY) {
            notFoundAnswers = 0;
        }
    }

    private void recorded(UUID id, String hash, Instant at, PaymentState recorded) {
        paymentId = id;
        requestHash = hash;
        requestedAt = at;
        state = recorded;
    }

    /** The second half of the maker-checker pair: a stored approval by its own proposer is never loaded. */
    private void onApproved(PaymentResolutionApprovedEvent event) {
        if (event.approvedBy().equals(event.proposedBy())) {
            throw new IllegalStateException("payment %s: resolution %s approved by its own proposer %s"
                    .formatted(paymentId, event.proposalId(), event.approvedBy()));
        }
        proposal = null;
        approvedProposalId = event.proposalId();
        approvedBy = event.approvedBy();
    }

    private void onRejected(PaymentResolutionRejectedEvent event) {
        if (event.rejectedBy().equals(event.proposedBy())) {
            throw new IllegalStateException("payment %s: resolution %s rejected by its own proposer %s"
                    .formatted(paymentId, event.proposalId(), event.rejectedBy()));
        }
        proposal = null;
    }
}
