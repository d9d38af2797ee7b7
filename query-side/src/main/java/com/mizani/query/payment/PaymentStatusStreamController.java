package com.mizani.query.payment;

import com.mizani.kernel.consistency.ReadsProjections;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.query.live.StatusStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.UUID;

/**
 * A payment's status as server-sent events, until it is SETTLED, FAILED or REJECTED. A payment in MANUAL_REVIEW
 * keeps its stream open: the operator's decision is still to come.
 */
@RestController
@Tag(name = "Payments")
public class PaymentStatusStreamController {

    private final StatusStreams streams;

    public PaymentStatusStreamController(StatusStreams streams) {
        this.streams = streams;
    }

    @Operation(operationId = "streamPaymentStatus", summary = "Follow a payment's status live",
            description = "Server-sent events: the payment's status now, then one event per change (REQUESTED, "
                    + "RESERVED, SUBMITTED, AMBIGUOUS, MANUAL_REVIEW...), each named after the status, with the "
                    + "payment's event sequence as its id and the update as JSON data {paymentId, status, at, "
                    + "providerReference, receipt, failureCode, failureReason, sequence}. The server closes the stream "
                    + "after a final status (SETTLED, FAILED or REJECTED; MANUAL_REVIEW is not one), or after "
                    + "mizani.live.stream-timeout-ms (10 minutes), when the client reconnects; a comment line every "
                    + "15 s keeps quiet streams open. An id the read model does not know yet is waited for up to 5 s "
                    + "before a 404. A customer may follow payments of its own wallets only.")
    @ApiResponse(responseCode = "200", description = "The stream of status events.", content = @Content(
            mediaType = "text/event-stream", schema = @Schema(type = "string", description = "Server-sent events, "
            + "one per status, data as JSON.")))
    // The first status sent is at least what the caller's own writes, answered before it asked, left.
    @ReadsProjections(PaymentProjection.PROCESSING_GROUP)
    @GetMapping("/api/v1/payments/{paymentId}/events")
    public SseEmitter events(@Parameter(description = "The payment.", schema = @Schema(type = "string",
            format = "uuid")) @PathVariable UUID paymentId) throws InterruptedException {
        return streams.open(new FindPaymentStatusQuery(paymentId), PaymentStatusUpdate.class)
                .orElseThrow(() -> new MizaniException(ErrorCode.PAYMENT_NOT_FOUND, "payment " + paymentId + " does not exist"));
    }
}
