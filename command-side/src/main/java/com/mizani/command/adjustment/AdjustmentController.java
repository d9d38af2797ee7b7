package com.mizani.command.adjustment;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.DecisionFields;
import com.mizani.command.support.IdempotentRequest;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.adjustment.AdjustmentOutcome;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.AdjustmentView;
import com.mizani.kernel.adjustment.ApproveAdjustmentCommand;
import com.mizani.kernel.adjustment.ProposeAdjustmentCommand;
import com.mizani.kernel.adjustment.RejectAdjustmentCommand;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * Manual adjustments, for correcting an error: one principal proposes (201, PENDING_APPROVAL, nothing moves), and
 * another approves (the wallet is credited or debited against {@code adjustments:<CCY>}) or rejects. That the two
 * differ is the adjustment's own rule; who may propose or approve at all is the authorization policy's. Reads are
 * on the query side ({@code GET /api/v1/ops/adjustments}).
 */
@RestController
@RequestMapping("/api/v1/ops/adjustments")
@Tag(name = "Operations")
public class AdjustmentController {

    private final CommandSender commands;
    private final ApiLimits limits;

    public AdjustmentController(CommandSender commands, ApiLimits limits) {
        this.commands = commands;
        this.limits = limits;
    }

    /**
     * @param amount    a positive decimal string in major units
     * @param direction CREDIT adds the amount to the wallet, DEBIT takes it away (never below zero)
     * @param reason    why: the error being corrected, 1 to 500 characters
     */
    public record AdjustmentRequest(
            @Schema(description = "The wallet to correct; it must exist, hold the currency and not be closed.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String walletId,
            @Schema(description = "How much, a positive decimal string in major units.",
                    requiredMode = Schema.RequiredMode.REQUIRED) String amount,
            @Schema(description = "The amount's currency: the wallet's.", requiredMode = Schema.RequiredMode.REQUIRED)
            String currency,
            @Schema(description = "CREDIT adds the amount to the wallet, DEBIT takes it away (never below zero), "
                    + "against adjustments:<CCY>.", implementation = Direction.class,
                    requiredMode = Schema.RequiredMode.REQUIRED) String direction,
            @Schema(description = "Why: the error being corrected, 1 to 500 characters.",
                    maxLength = DecisionFields.MAX_REASON_LENGTH, requiredMode = Schema.RequiredMode.REQUIRED)
            String reason) {
    }

    /** @param reason the approver's note (optional), or why it is rejected (required) */
    public record AdjustmentDecision(
            @Schema(description = "On approval, the approver's note (optional); on rejection, why (required). At most "
                    + "500 characters.", maxLength = DecisionFields.MAX_REASON_LENGTH) String reason) {
    }

    /** A repeat of the same request with the same key answers the adjustment as it is now; another body is 409. */
    @Operation(operationId = "proposeAdjustment", summary = "Propose a manual adjustment of a wallet",
            description = "Proposes to credit or debit a wallet to correct an error (a fee charged twice, say); "
                    + "the adjustment is PENDING_APPROVAL and nothing moves until a different principal approves it. "
                    + "An operator's call. The wallet is checked now: it must exist, hold the currency and not be "
                    + "closed, or nothing is stored. The Idempotency-Key makes it one proposal: a repeat with the same "
                    + "body answers the adjustment as it is now (201, whatever its status), another body under the "
                    + "same key is a conflict. The list and GET of adjustments read the read model, which shows the "
                    + "proposal within milliseconds.")
    @ApiResponse(responseCode = "201", description = "Proposed (or, for a repeated key, the adjustment as it is now); "
            + "Location is the adjustment.", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.INVALID_AMOUNT, ErrorCode.AMOUNT_OUT_OF_RANGE,
            ErrorCode.UNKNOWN_CURRENCY, ErrorCode.INVALID_ID, ErrorCode.IDEMPOTENCY_KEY_MISSING,
            ErrorCode.IDEMPOTENCY_KEY_INVALID, ErrorCode.WALLET_NOT_FOUND, ErrorCode.IDEMPOTENCY_KEY_REUSED,
            ErrorCode.CONCURRENT_MODIFICATION
    })
    @PostMapping
    public ResponseEntity<AdjustmentView> propose(@io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                          description = "The wallet, amount, direction and why.",
                                                          required = true)
                                                  @RequestBody AdjustmentRequest request,
                                                  @RequestHeader(name = IdempotentRequest.KEY_HEADER, required = false) String key,
                                                  Caller caller) {
        IdempotentRequest idempotent = IdempotentRequest.of(caller, key);
        UUID walletId = RequestFields.uuid("walletId", request.walletId());
        Money amount = RequestFields.amount(request.amount(), request.currency(), limits.maxAmountMinor());
        Direction direction = direction(request.direction());
        String reason = DecisionFields.requiredReason(request.reason());
        UUID adjustmentId = idempotent.idFor("adjustment");
        AdjustmentOutcome outcome = commands.send(new ProposeAdjustmentCommand(adjustmentId, walletId, amount, direction,
                reason, caller.principal(), IdempotencyKeys.fingerprint(walletId, amount.amountMinor(),
                amount.currency(), direction, reason)));
        return ResponseEntity.created(URI.create("/api/v1/ops/adjustments/" + adjustmentId))
                .body(AdjustmentView.of(outcome));
    }

    /**
     * 200 with the adjustment APPROVED once its posting is made; 422 with the wallet's code (INSUFFICIENT_FUNDS,
     * WALLET_FROZEN...) when the wallet refused it and the adjustment FAILED. The approver repeating the approval gets
     * the same answer again.
     */
    @Operation(operationId = "approveAdjustment", summary = "Approve a proposed adjustment",
            description = "Approves a pending adjustment: the wallet takes the posting against adjustments:<CCY> in "
                    + "the same transaction, and the answer is the adjustment APPROVED. When the wallet refuses it "
                    + "(INSUFFICIENT_FUNDS, WALLET_FROZEN, WALLET_CLOSED...) the adjustment is FAILED for good and "
                    + "the answer is that refusal, naming the adjustment. An approver's call, and never the "
                    + "proposer's; an adjustment no longer pending is a conflict, except that the approver repeating "
                    + "its approval gets the same answer again. Nothing is posted twice.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.WALLET_NOT_FOUND,
            ErrorCode.ADJUSTMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.ADJUSTMENT_NOT_PENDING,
            ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.WALLET_FROZEN, ErrorCode.WALLET_CLOSED,
            ErrorCode.CURRENCY_MISMATCH, ErrorCode.BALANCE_LIMIT_EXCEEDED
    })
    @PostMapping("/{adjustmentId}/approve")
    public AdjustmentView approve(@Parameter(description = "The adjustment to approve.",
                                          schema = @Schema(type = "string", format = "uuid"))
                                  @PathVariable UUID adjustmentId,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                          description = "Optional: the approver's note.")
                                  @RequestBody(required = false) AdjustmentDecision decision, Caller caller) {
        String note = DecisionFields.optionalReason(decision == null ? null : decision.reason());
        AdjustmentOutcome outcome = commands.send(new ApproveAdjustmentCommand(adjustmentId, caller.principal(), note));
        if (outcome.status() == AdjustmentStatus.FAILED) {
            throw new AdjustmentFailed(outcome);
        }
        return AdjustmentView.of(outcome);
    }

    @Operation(operationId = "rejectAdjustment", summary = "Reject a proposed adjustment",
            description = "Rejects a pending adjustment with the reason; it is REJECTED and moves nothing, ever. An "
                    + "approver's call, and never the proposer's; an adjustment no longer pending is a conflict, "
                    + "except that the rejecter repeating its rejection gets it again.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.ADJUSTMENT_NOT_FOUND,
            ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.ADJUSTMENT_NOT_PENDING
    })
    @PostMapping("/{adjustmentId}/reject")
    public AdjustmentView reject(@Parameter(description = "The adjustment to reject.",
                                         schema = @Schema(type = "string", format = "uuid"))
                                 @PathVariable UUID adjustmentId,
                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                         description = "Why the adjustment is rejected (reason is required here).",
                                         required = true)
                                 @RequestBody AdjustmentDecision decision,
                                 Caller caller) {
        return AdjustmentView.of(commands.send(new RejectAdjustmentCommand(adjustmentId, caller.principal(),
                DecisionFields.requiredReason(decision.reason()))));
    }

    private static Direction direction(String direction) {
        if (Direction.CREDIT.name().equals(direction)) {
            return Direction.CREDIT;
        }
        if (Direction.DEBIT.name().equals(direction)) {
            return Direction.DEBIT;
        }
        throw new MizaniException(ErrorCode.VALIDATION_FAILED, "direction must be CREDIT or DEBIT");
    }

    /** An approved adjustment the wallet refused; the problem it becomes names the adjustment for lookups. */
    public static final class AdjustmentFailed extends MizaniException {
        private final UUID adjustmentId;

        AdjustmentFailed(AdjustmentOutcome outcome) {
            super(outcome.failureCode(), outcome.failureReason());
            this.adjustmentId = outcome.adjustmentId();
        }

        public UUID adjustmentId() {
            return adjustmentId;
        }
    }
}
