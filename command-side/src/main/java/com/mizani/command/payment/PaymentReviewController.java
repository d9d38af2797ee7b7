package com.mizani.command.payment;

import com.mizani.command.support.Caller;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.DecisionFields;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.ApprovePaymentResolutionCommand;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentReview;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;
import com.mizani.kernel.payment.RejectPaymentResolutionCommand;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Operations decide payments in MANUAL_REVIEW under four eyes: one principal proposes the outcome (PAID captures the
 * payout's reservation or credits the deposit, NOT_PAID releases it), and another approves it, which moves the money,
 * or rejects it. Who proposed, approved and rejected, and why, are events. That the two are different principals is
 * the payment's own rule; who may propose or approve at all is the authorization policy's.
 */
@RestController
@RequestMapping("/api/v1/ops/payments")
public class PaymentReviewController {

    private final CommandSender commands;

    public PaymentReviewController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * @param outcome  PAID or NOT_PAID: what the provider did, as the proposer established it
     * @param reason   why the proposer knows (ticket, statement line)
     * @param walletId only for a C2B deposit whose bill reference matched no wallet: the wallet to credit
     */
    public record Resolution(String outcome, String reason, String walletId) {
    }

    /**
     * @param proposalId optional: the proposal the approver (or rejecter) has seen; refused with 409 if another one
     *                   is pending by now
     * @param reason     the approver's note (optional), or why the proposal is rejected (required)
     */
    public record ProposalDecision(String proposalId, String reason) {
    }

    /** A payment as the review answers it: as {@code GET /api/v1/payments/{id}} shows it, with any pending proposal. */
    public record ReviewView(UUID paymentId, UUID walletId, String amount, String currency, PaymentMethod method,
                             PaymentStatus status, ErrorCode failureCode, String failureReason, Instant requestedAt,
                             Instant finishedAt, PendingResolution pendingResolution) {

        static ReviewView of(PaymentReview review) {
            PaymentOutcome payment = review.payment();
            return new ReviewView(payment.paymentId(), payment.walletId(), payment.amount().toDecimalString(),
                    payment.amount().currency().name(), payment.method(), payment.status(), payment.failureCode(),
                    payment.failureReason(), millis(payment.requestedAt()), millis(payment.finishedAt()),
                    review.pendingResolution());
        }

        private static Instant millis(Instant at) {
            return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    /** Proposes the resolution: 202, since nothing moves before another principal approves it. */
    @PostMapping("/{paymentId}/resolve")
    public ResponseEntity<ReviewView> propose(@PathVariable UUID paymentId, @RequestBody Resolution resolution,
                                              Caller caller) {
        boolean paid = switch (resolution.outcome() == null ? "" : resolution.outcome()) {
            case "PAID" -> true;
            case "NOT_PAID" -> false;
            default -> throw new MizaniException(ErrorCode.VALIDATION_FAILED, "outcome must be PAID or NOT_PAID");
        };
        String reason = DecisionFields.requiredReason(resolution.reason());
        UUID walletId = resolution.walletId() == null ? null : RequestFields.uuid("walletId", resolution.walletId());
        PaymentReview review = commands.send(new ProposePaymentResolutionCommand(paymentId, UUID.randomUUID(), paid,
                reason, walletId, caller.principal()));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/payments/" + paymentId))
                .body(ReviewView.of(review));
    }

    /** Approves the pending resolution, which takes effect at once: 200 with the payment SETTLED or FAILED. */
    @PostMapping("/{paymentId}/resolution/approve")
    public ReviewView approve(@PathVariable UUID paymentId, @RequestBody(required = false) ProposalDecision decision,
                              Caller caller) {
        ProposalDecision given = decision == null ? new ProposalDecision(null, null) : decision;
        return ReviewView.of(commands.send(new ApprovePaymentResolutionCommand(paymentId, proposalId(given),
                caller.principal(), DecisionFields.optionalReason(given.reason()))));
    }

    /** Rejects the pending resolution: 200 with the payment back in plain MANUAL_REVIEW. */
    @PostMapping("/{paymentId}/resolution/reject")
    public ReviewView reject(@PathVariable UUID paymentId, @RequestBody ProposalDecision decision, Caller caller) {
        return ReviewView.of(commands.send(new RejectPaymentResolutionCommand(paymentId, proposalId(decision),
                caller.principal(), DecisionFields.requiredReason(decision.reason()))));
    }

    private static UUID proposalId(ProposalDecision decision) {
        return decision.proposalId() == null ? null : RequestFields.uuid("proposalId", decision.proposalId());
    }
}
