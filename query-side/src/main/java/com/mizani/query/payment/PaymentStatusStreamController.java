package com.mizani.query.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.query.live.StatusStreams;
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
public class PaymentStatusStreamController {

    private final StatusStreams streams;

    public PaymentStatusStreamController(StatusStreams streams) {
        this.streams = streams;
    }

    @GetMapping("/api/v1/payments/{paymentId}/events")
    public SseEmitter events(@PathVariable UUID paymentId) throws InterruptedException {
        return streams.open(new FindPaymentStatusQuery(paymentId), PaymentStatusUpdate.class)
                .orElseThrow(() -> new MizaniException(ErrorCode.PAYMENT_NOT_FOUND, "payment " + paymentId + " does not exist"));
    }
}
