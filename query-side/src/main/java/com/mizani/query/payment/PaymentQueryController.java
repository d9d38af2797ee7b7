package com.mizani.query.payment;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PendingResolution;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payments with their status timeline, and the operations list of payments by status. */
@RestController
public class PaymentQueryController {

    private static final int MAX_TIMELINE = 500;
    private static final int MAX_LIST = 200;

    private final PaymentViewRepository payments;
    private final PaymentTimelineRepository timelines;

    public PaymentQueryController(PaymentViewRepository payments, PaymentTimelineRepository timelines) {
        this.payments = payments;
        this.timelines = timelines;
    }

    /** One step of a payment's life; {@code status} is set when the step changed it. */
    public record TimelineEntry(long sequence, Instant at, String event, PaymentStatus status, String detail) {
    }

    /** @param pendingResolution the resolution proposed for a payment in review and waiting for approval, or null */
    public record PaymentDetails(UUID paymentId, String kind, String method, UUID walletId, String amount, String fee,
                                 String currency, String msisdn, PaymentStatus status, String providerReference,
                                 String receipt, String failureCode, String failureReason, Instant requestedAt,
                                 Instant updatedAt, PendingResolution pendingResolution, List<TimelineEntry> timeline) {
    }

    public record PaymentList(List<PaymentDetails> payments) {
    }

    // GET /payments/{id} is the Payments resource; the list by status is the operators' review inbox.
    @Operation(operationId = "getPayment", summary = "Get a payment with its timeline", tags = "Payments",
            description = "A deposit or payout with its wallet, amount, fee, masked number, status, provider "
                    + "reference and receipt, any failure, any resolution waiting for approval, and its timeline: a "
                    + "line per step, from the request through the provider's answers to the outcome. A payout's "
                    + "status is asynchronous: it moves on as the provider answers (SUBMITTED, AMBIGUOUS, then "
                    + "SETTLED, FAILED or MANUAL_REVIEW). Read from the read model, which follows the commands within "
                    + "milliseconds. A customer may read payments of its own wallets only.")
    @ReadsProjections(PaymentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payments/{paymentId}")
    public PaymentDetails payment(@Parameter(description = "The payment (a deposit's or a payout's id).",
            schema = @Schema(type = "string", format = "uuid")) @PathVariable UUID paymentId) {
        return payments.find(paymentId)
                .map(payment -> details(payment, timeline(paymentId)))
                .orElseThrow(() -> new MizaniException(ErrorCode.PAYMENT_NOT_FOUND, "payment " + paymentId + " does not exist"));
    }

    /**
     * Oldest first, so the payments waiting longest come first; without timelines (fetch one for that), with any
     * resolution waiting for approval.
     */
    @Operation(operationId = "listPaymentsByStatus", summary = "List payments in a status", tags = "Operations",
            description = "The payments in one status, oldest first so that those waiting longest come first (at most "
                    + "limit, 1 to " + MAX_LIST + ", 50 by default; not paged), each with any resolution waiting for "
                    + "approval but without its timeline: GET the payment for that. status=MANUAL_REVIEW is the "
                    + "operators' inbox. For operators, approvers and auditors; read from the read model.")
    @ReadsProjections(PaymentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/ops/payments")
    public PaymentList byStatus(@Parameter(description = "The status to list.",
                                        schema = @Schema(implementation = PaymentStatus.class))
                                @RequestParam String status,
                                @Parameter(description = "How many payments to list at most (not paged).",
                                        schema = @Schema(minimum = "1", maximum = "" + MAX_LIST, defaultValue = "50"))
                                @RequestParam(defaultValue = "50") int limit) {
        PaymentStatus wanted;
        try {
            wanted = PaymentStatus.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "status must be one of " + List.of(PaymentStatus.values()));
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "limit must be within [1, " + MAX_LIST + "]");
        }
        return new PaymentList(payments.oldestFirst(wanted, limit).stream()
                .map(payment -> details(payment, List.of()))
                .toList());
    }

    private List<TimelineEntry> timeline(UUID paymentId) {
        return timelines.of(paymentId, MAX_TIMELINE).stream()
                .map(entry -> new TimelineEntry(entry.sequence(), entry.occurredAt(), entry.event(), entry.status(),
                        entry.detail()))
                .toList();
    }

    private static PaymentDetails details(PaymentViewRow payment, List<TimelineEntry> timeline) {
        return new PaymentDetails(payment.paymentId(), payment.kind().name(), payment.method().name(),
                payment.walletId(), payment.amount().toDecimalString(), payment.fee().toDecimalString(),
                payment.amount().currency().name(), payment.msisdnMasked(), payment.status(),
                payment.providerReference(), payment.receipt(), payment.failureCode(), payment.failureReason(),
                payment.requestedAt(), payment.updatedAt(), payment.pendingResolution(), timeline);
    }
}
