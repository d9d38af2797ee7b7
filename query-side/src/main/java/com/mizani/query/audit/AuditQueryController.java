package com.mizani.query.audit;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.Refuses;
import com.mizani.query.support.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** What happened, when, why and on whose behalf, read from the MongoDB audit views. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit")
public class AuditQueryController {

    private final AuditReader audit;

    public AuditQueryController(AuditReader audit) {
        this.audit = audit;
    }

    @Operation(operationId = "getTransferAudit", summary = "Get a transfer's audit record",
            description = "Every event of the transfer's life and its wallet postings, in order, with when it "
                    + "happened, who asked (the authenticated principal and its roles), the correlation and "
                    + "causation ids and the command that caused it, and the transfer's status. Read from the "
                    + "MongoDB audit views, which trail the events: a transfer answered a moment ago may still be "
                    + "missing or incomplete. For auditors and operators.")
    @Refuses({ErrorCode.AUDIT_RECORD_NOT_FOUND})
    @ReadsProjections(AuditProjection.PROCESSING_GROUP)
    @GetMapping("/transfers/{transferId}")
    public LifecycleAudit transfer(@Parameter(description = "The transfer.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID transferId) {
        return audit.lifecycle(AuditCollections.TRANSFERS, transferId);
    }

    @Operation(operationId = "getPaymentAudit", summary = "Get a payment's audit record",
            description = "Every event of the payment's life and of its money, in order, with when it happened, on "
                    + "whose behalf (a principal, provider:mpesa or the system), the correlation and causation ids, "
                    + "and the payment's status: its request, provider answers, proposals and approvals, incidents "
                    + "and corrections with their postings. Read from the MongoDB audit views, which trail the "
                    + "events: the latest steps may still be missing. For auditors and operators.")
    @Refuses({ErrorCode.AUDIT_RECORD_NOT_FOUND})
    @ReadsProjections(AuditProjection.PROCESSING_GROUP)
    @GetMapping("/payments/{paymentId}")
    public LifecycleAudit payment(@Parameter(description = "The payment.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID paymentId) {
        return audit.lifecycle(AuditCollections.PAYMENTS, paymentId);
    }

    /** Who proposed the adjustment and who approved or rejected it, with its wallet posting. */
    @Operation(operationId = "getAdjustmentAudit", summary = "Get an adjustment's audit record",
            description = "Every event of the adjustment, in order, with who proposed it and who approved or "
                    + "rejected it, when, the correlation and causation ids, and its wallet posting. Read from the "
                    + "MongoDB audit views, which trail the events: the latest steps may still be missing. For "
                    + "auditors and operators.")
    @Refuses({ErrorCode.AUDIT_RECORD_NOT_FOUND})
    @ReadsProjections(AuditProjection.PROCESSING_GROUP)
    @GetMapping("/adjustments/{adjustmentId}")
    public LifecycleAudit adjustment(@Parameter(description = "The adjustment.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID adjustmentId) {
        return audit.lifecycle(AuditCollections.ADJUSTMENTS, adjustmentId);
    }

    @Operation(operationId = "listWalletAuditEntries", summary = "List a wallet's audit trail",
            description = "Every event of the wallet (opened, frozen, credited, debited, reserved...), in the "
                    + "wallet's order, each with its actor, correlation, causation and command, a page at a time "
                    + "(pass nextCursor for the next). A wallet with no audit record yet answers 404. Read from the "
                    + "MongoDB audit views, which trail the events. For auditors and operators.")
    @Refuses({ErrorCode.INVALID_CURSOR, ErrorCode.AUDIT_RECORD_NOT_FOUND})
    @ReadsProjections(AuditProjection.PROCESSING_GROUP)
    @GetMapping("/wallets/{walletId}")
    public Page<WalletAuditEntry> wallet(@Parameter(description = "The wallet.", schema = @Schema(type = "string",
                                                 format = "uuid")) @PathVariable UUID walletId,
                                         @RequestParam(required = false) Integer limit,
                                         @RequestParam(required = false) String cursor) {
        return audit.walletEvents(walletId, Page.checkedLimit(limit), cursor);
    }

    @Operation(operationId = "findByCorrelation", summary = "Find what one conversation touched",
            description = "Every transfer, payment and adjustment with an event of the conversation, with its "
                    + "status, and every wallet with such an event: follows one HTTP request (its command's "
                    + "correlationId, shown in every audit entry) into everything it caused, saga steps and "
                    + "deadlines included. At most 100 of each kind (truncated says when more matched). Nothing "
                    + "found answers 404. Read from the MongoDB audit views, which trail the events. For auditors "
                    + "and operators.")
    @Refuses({ErrorCode.AUDIT_RECORD_NOT_FOUND})
    @ReadsProjections(AuditProjection.PROCESSING_GROUP)
    @GetMapping("/correlations/{correlationId}")
    public Correlated correlation(@Parameter(description = "A correlationId from an audit entry.",
            schema = @Schema(type = "string", format = "uuid")) @PathVariable UUID correlationId) {
        return audit.correlated(correlationId);
    }

    /** Callbacks refused before they were read (bad source or signature): they name no payment, so they are listed apart. */
    @Operation(operationId = "listRefusedCallbacks", summary = "List refused provider callbacks",
            description = "The provider callbacks refused before they were read (a source address not allowed, a "
                    + "missing or wrong signature), in the order they came, each with the endpoint, the source, the "
                    + "reason and the SHA-256 and length of the body (never the body), a page at a time (pass "
                    + "nextCursor for the next). They name no payment, so they are listed apart. Read from the "
                    + "MongoDB audit views. For auditors and operators.")
    @Refuses({ErrorCode.INVALID_CURSOR})
    @ReadsProjections(AuditProjection.PROCESSING_GROUP)
    @GetMapping("/refused-callbacks")
    public Page<AuditEntry> refusedCallbacks(@RequestParam(required = false) Integer limit,
                                             @RequestParam(required = false) String cursor) {
        return audit.refusedCallbacks(Page.checkedLimit(limit), cursor);
    }
}
