package com.mizani.command.payment;

import com.mizani.command.support.CommandSender;
import com.mizani.command.support.DecisionFields;
import com.mizani.command.support.RequestFields;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.error.Refuses;
import com.mizani.kernel.identity.Caller;
import com.mizani.kernel.payment.ApproveIncidentCorrectionCommand;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.ProposeIncidentCorrectionCommand;
import com.mizani.kernel.payment.RejectIncidentCorrectionCommand;
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
import java.util.Arrays;
import java.util.UUID;

/**
 * Operations close a payment's incident under four eyes: the system (or, after a rejection, an operator) proposes a
 * correction, another principal approves it, which posts it, or rejects it. The incident is addressed through its
 * payment, whose aggregate holds it; {@code GET /api/v1/ops/incidents} lists them.
 */
@RestController
@RequestMapping("/api/v1/ops/payments/{paymentId}/incident")
@Tag(name = "Operations")
public class IncidentCorrectionController {

    private final CommandSender commands;

    public IncidentCorrectionController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * @param action     DEBIT_WALLET, BOOK_RECEIVABLE, CREDIT_WALLET or NONE; the amount is the incident's difference
     * @param reason     why (ticket, statement line)
     * @param incidentId optional: the incident the proposer has seen; 409 if it is not the open one
     */
    public record CorrectionRequest(
            @Schema(description = "The correction, for the incident's difference: DEBIT_WALLET (the wallet pays back "
                    + "what it holds), BOOK_RECEIVABLE (the customer owes what the wallet no longer holds), "
                    + "CREDIT_WALLET (the wallet is owed), or NONE (our books are right). It must settle the "
                    + "incident's difference.", implementation = CorrectionAction.class,
                    requiredMode = Schema.RequiredMode.REQUIRED) String action,
            @Schema(description = "Why: a ticket, a line of the provider's statement. 1 to 500 characters.",
                    maxLength = DecisionFields.MAX_REASON_LENGTH, requiredMode = Schema.RequiredMode.REQUIRED)
            String reason,
            @Schema(description = "Optional: the incident the proposer has seen; refused with a conflict when it is "
                    + "not the open one.") String incidentId) {
    }

    /**
     * @param proposalId optional: the proposal the approver (or rejecter) has seen
     * @param reason     the approver's note (optional), or why the proposal is rejected (required)
     */
    public record CorrectionDecision(
            @Schema(description = "Optional: the proposal the approver (or rejecter) has seen; refused with a "
                    + "conflict when it is not the pending one.") String proposalId,
            @Schema(description = "On approval, the approver's note (optional); on rejection, why (required). At most "
                    + "500 characters.", maxLength = DecisionFields.MAX_REASON_LENGTH) String reason) {
    }

    public record CorrectionView(String action, UUID walletId, String amount, String currency) {
        static CorrectionView of(Correction correction) {
            return new CorrectionView(correction.action().name(), correction.walletId(),
                    correction.amount().toDecimalString(), correction.amount().currency().name());
        }
    }

    public record PendingView(UUID proposalId, CorrectionView correction, String reason, String proposedBy,
                              Instant proposedAt) {
    }

    public record ResolutionView(UUID proposalId, CorrectionView correction, String proposedBy, String approvedBy,
                                 String note, Instant resolvedAt) {
    }

    /** An incident as a decision about it answers it: where it stands, and the correction pending or approved. */
    // Named apart: the OpenAPI document keeps one schema per simple name, and the incident as GET
    // /api/v1/ops/incidents shows it is an IncidentView too.
    @Schema(name = "IncidentDecisionView")
    public record IncidentView(UUID incidentId, UUID paymentId, IncidentState.Status status, ContradictionKind kind,
                               String difference, String currency, PendingView pendingCorrection,
                               ResolutionView resolution) {

        static IncidentView of(IncidentState incident) {
            IncidentState.Pending pending = incident.pending();
            IncidentState.Resolution resolution = incident.resolution();
            return new IncidentView(incident.incidentId(), incident.paymentId(), incident.status(), incident.kind(),
                    incident.difference().toDecimalString(), incident.difference().currency().name(),
                    pending == null ? null : new PendingView(pending.proposalId(), CorrectionView.of(pending.correction()),
                            pending.reason(), pending.proposedBy(), pending.proposedAt()),
                    resolution == null ? null : new ResolutionView(resolution.proposalId(),
                            CorrectionView.of(resolution.correction()), resolution.proposedBy(),
                            resolution.approvedBy(), resolution.note(), resolution.resolvedAt()));
        }
    }

    /** Proposes a correction of the open incident: 202, since nothing moves before another principal approves it. */
    @Operation(operationId = "proposeIncidentCorrection", summary = "Propose a correction of a payment's incident",
            description = "Proposes how to correct the open incident of a payment the provider contradicted, after "
                    + "the system's own proposal was rejected; nothing moves until a different principal approves it. "
                    + "An operator's call. Refused when the payment has no open incident (or incidentId is not it), "
                    + "when a proposal is already waiting (the same principal repeating the same proposal gets it "
                    + "back), and when the action does not settle the incident's difference. The answer is the "
                    + "incident with its pendingCorrection.")
    @ApiResponse(responseCode = "202", description = "Proposed: the incident with its pending correction; Location "
            + "is the incident.", useReturnTypeSchema = true)
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION,
            ErrorCode.INCIDENT_NOT_OPEN, ErrorCode.INCIDENT_CORRECTION_ALREADY_PROPOSED
    })
    @PostMapping("/correction")
    public ResponseEntity<IncidentView> propose(@Parameter(description = "The payment whose incident is corrected.",
                                                        schema = @Schema(type = "string", format = "uuid"))
                                                @PathVariable UUID paymentId,
                                                @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                                        description = "The correction and why.", required = true)
                                                @RequestBody CorrectionRequest request,
                                                Caller caller) {
        CorrectionAction action = actionOf(request.action());
        String reason = DecisionFields.requiredReason(request.reason());
        UUID incidentId = request.incidentId() == null ? null : RequestFields.uuid("incidentId", request.incidentId());
        IncidentState incident = commands.send(new ProposeIncidentCorrectionCommand(paymentId, incidentId,
                UUID.randomUUID(), action, reason, caller.principal()));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/ops/incidents/" + incident.incidentId()))
                .body(IncidentView.of(incident));
    }

    /** Approves the pending correction, which is posted at once: 200 with the incident RESOLVED. */
    @Operation(operationId = "approveIncidentCorrection", summary = "Approve the proposed correction of an incident",
            description = "Approves the correction waiting on a payment's incident, the system's or an operator's: "
                    + "its postings (kind CORRECTION, the payment's id as transaction id) and the resolution are "
                    + "stored in one transaction, and the incident is RESOLVED. An approver's call, and never the "
                    + "proposer's. Refused when nothing is pending or proposalId names another proposal, and with the "
                    + "wallet's refusal when it will not take the postings (closed, or a debit it can no longer "
                    + "cover): then nothing is stored and the proposal stays pending. The approver repeating its "
                    + "approval gets the incident as it is; the postings are made once.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.WALLET_NOT_FOUND,
            ErrorCode.PAYMENT_NOT_FOUND, ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.INCIDENT_NOT_OPEN,
            ErrorCode.INCIDENT_CORRECTION_NOT_PROPOSED, ErrorCode.INSUFFICIENT_FUNDS, ErrorCode.WALLET_FROZEN,
            ErrorCode.WALLET_CLOSED, ErrorCode.CURRENCY_MISMATCH, ErrorCode.BALANCE_LIMIT_EXCEEDED
    })
    @PostMapping("/correction/approve")
    public IncidentView approve(@Parameter(description = "The payment whose incident's correction is approved.",
                                        schema = @Schema(type = "string", format = "uuid"))
                                @PathVariable UUID paymentId,
                                @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                        description = "Optional: the proposal seen, and a note.")
                                @RequestBody(required = false) CorrectionDecision decision, Caller caller) {
        CorrectionDecision given = decision == null ? new CorrectionDecision(null, null) : decision;
        return IncidentView.of(commands.send(new ApproveIncidentCorrectionCommand(paymentId, proposalId(given),
                caller.principal(), DecisionFields.optionalReason(given.reason()))));
    }

    /** Rejects the pending correction: 200 with the incident still OPEN and nothing pending. */
    @Operation(operationId = "rejectIncidentCorrection", summary = "Reject the proposed correction of an incident",
            description = "Rejects the correction waiting on a payment's incident, with the reason; nothing moves, "
                    + "and the incident stays OPEN with nothing pending, for an operator to propose another. An "
                    + "approver's call, and never the proposer's. Refused when nothing is pending or proposalId names "
                    + "another proposal.")
    @Refuses({
            ErrorCode.VALIDATION_FAILED, ErrorCode.PROPOSER_CANNOT_DECIDE, ErrorCode.PAYMENT_NOT_FOUND,
            ErrorCode.CONCURRENT_MODIFICATION, ErrorCode.INCIDENT_NOT_OPEN, ErrorCode.INCIDENT_CORRECTION_NOT_PROPOSED
    })
    @PostMapping("/correction/reject")
    public IncidentView reject(@Parameter(description = "The payment whose incident's correction is rejected.",
                                       schema = @Schema(type = "string", format = "uuid"))
                               @PathVariable UUID paymentId,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(
                                       description = "Why the correction is rejected (reason is required here).",
                                       required = true)
                               @RequestBody CorrectionDecision decision, Caller caller) {
        return IncidentView.of(commands.send(new RejectIncidentCorrectionCommand(paymentId, proposalId(decision),
                caller.principal(), DecisionFields.requiredReason(decision.reason()))));
    }

    private static CorrectionAction actionOf(String action) {
        return Arrays.stream(CorrectionAction.values()).filter(value -> value.name().equals(action)).findFirst()
                .orElseThrow(() -> new MizaniException(ErrorCode.VALIDATION_FAILED,
                        "action must be one of " + Arrays.toString(CorrectionAction.values())));
    }

    private static UUID proposalId(CorrectionDecision decision) {
        return decision.proposalId() == null ? null : RequestFields.uuid("proposalId", decision.proposalId());
    }
}
