package com.mizani.command.payment;

import com.mizani.command.support.CommandSender;
import com.mizani.command.support.DecisionFields;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.payment.ApprovePaymentResolutionCommand;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentReview;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;
import com.mizani.kernel.payment.RejectPaymentResolutionCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Operations")
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
    public record Resolution(
            @Schema(description = "What the provider did, as the proposer established it: PAID settles the payment "
                    + "(captures a payout's reservation, or credits a deposit), NOT_PAID fails it (releases the "
                    + "reservation).", allowableValues = {"PAID", "NOT_PAID"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String outcome,
            @Schema(description = "Why the proposer knows: a ticket, a line of the provider's statement. 1 to 500 "
                    + "characters.", maxLength = DecisionFields.MAX_REASON_LENGTH,
                    requiredMode = Schema.RequiredMode.REQUIRED) String reason,
            @Schema(description = "Only to credit a C2B deposit whose bill reference matched no wallet (then "
                    + "required with PAID): the wallet to credit. Any other payment may name only its own wallet, "
                    + "or none.") String walletId) {
    }

    /**
     * @param proposalId optional: the proposal the approver (or rejecter) has seen; refused with 409 if another one
     *                   is pending by now
     * @param reason     the approver's note (optional), or why the proposal is rejected (required)
     */
    public record ProposalDecision(
            @Schema(description = "Optional: the proposal the approver (or rejecter) has seen; refused with a "
                    + "conflict when another one is pending by now.") String proposalId,
            @Schema(description = "On approval, the approver's note (optional); on rejection, why (required). At most "
                    + "500 characters.", maxLength = DecisionFields.MAX_REASON_LENGTH) String reason) {
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
    @Operation(operationId = "proposePaymentResolution", summary = "Propose the outcome of a payment in review",
            description = "Proposes how a payment in MANUAL_REVIEW ends, PAID or NOT_PAID, with the reason; nothing "
                    + "moves until a different principal approves it. An operator's call. Refused when the payment is "
                    + "not in review, or when another proposal is already waiting (reject that one first); the same "
                    + "principal repeating the same proposal gets the pending one back. The answer is the payment, "
                    + "still MANUAL_REVIEW, with its pendingResolution.")
    @ApiResponse(responseCode = "202", description = "Proposed: the payment with its pending resolution; Location is "
            + "the payment.", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.WALLET_NOT_FOUND, ErrorCode.PAYMENT_NOT_FOUND,
            ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.PAYMENT_NOT_IN_REVIEW,
            ErrorCode.PAYMENT_RESOLUTION_ALREADY_PROPOSED
    })
    @PostMapping("/{paymentId}/resolve")
    public ResponseEntity<ReviewView> propose(@Parameter(description = "The payment in MANUAL_REVIEW.",
                                                      schema = @Schema(type = "string", format = "uuid"))
                                              @PathVariable UUID paymentId,
                                              @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                      description = "The proposed outcome and why.", required = true)
                                              @RequestBody Resolution resolution,
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
    @Operation(operationId = "approvePaymentResolution", summary = "Approve the proposed outcome of a payment",
            description = "Approves the resolution waiting for a payment in review and puts it into effect in the "
                    + "same transaction: PAID settles the payment, NOT_PAID fails it and releases its reservation. "
                    + "An approver's call, and never the proposer's (PROPOSER_CANNOT_DECIDE, whatever its roles). "
                    + "Refused when nothing is pending or proposalId names another proposal, and, for a deposit, "
                    + "with the wallet's refusal when it will not take the money (the proposal then stays pending). "
                    + "The approver "
                    + "repeating its approval gets the payment as it is; the money moved once.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.WALLET_NOT_FOUND,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED,
            ErrorCode.WALLET_FROZEN, ErrorCode.WALLET_CLOSED, ErrorCode.CURRENCY_MISMATCH,
            ErrorCode.BALANCE_LIMIT_EXCEEDED
    })
    @PostMapping("/{paymentId}/resolution/approve")
    public ReviewView approve(@Parameter(description = "The payment whose pending resolution is approved.",
                                      schema = @Schema(type = "string", format = "uuid"))
                              @PathVariable UUID paymentId,
                              @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                      description = "Optional: the proposal seen, and a note.")
                              @RequestBody(required = false) ProposalDecision decision,
                              Caller caller) {
        ProposalDecision given = decision == null ? new ProposalDecision(null, null) : decision;
        return ReviewView.of(commands.send(new ApprovePaymentResolutionCommand(paymentId, proposalId(given),
                caller.principal(), DecisionFields.optionalReason(given.reason()))));
    }

    /** Rejects the pending resolution: 200 with the payment back in plain MANUAL_REVIEW. */
    @Operation(operationId = "rejectPaymentResolution", summary = "Reject the proposed outcome of a payment",
            description = "Rejects the resolution waiting for a payment in review, with the reason; nothing moves "
                    + "and the payment is back in plain MANUAL_REVIEW, ready for a new proposal. An approver's call, "
                    + "and never the proposer's. Refused when nothing is pending or proposalId names another "
                    + "proposal.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.PAYMENT_NOT_FOUND,
            ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED
    })
    @PostMapping("/{paymentId}/resolution/reject")
    public ReviewView reject(@Parameter(description = "The payment whose pending resolution is rejected.",
                                     schema = @Schema(type = "string", format = "uuid"))
                             @PathVariable UUID paymentId,
                             @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                     description = "Why the proposal is rejected (reason is required here).",
                                     required = true)
                             @RequestBody ProposalDecision decision, Caller caller) {
        return ReviewView.of(commands.send(new RejectPaymentResolutionCommand(paymentId, proposalId(decision),
                caller.principal(), DecisionFields.requiredReason(decision.reason()))));
    }

    private static UUID proposalId(ProposalDecision decision) {
        return decision.proposalId() == null ? null : RequestFields.uuid("proposalId", decision.proposalId());
    }
}
