package com.mizani.kernel.payment;

import com.mizani.kernel.live.StatusUpdate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A status a payment reached, at the time of the event that set it, with the details the payment's view keeps:
 * the provider's reference once it acknowledged, its receipt once settled, the failure code and reason once
 * failed or rejected. A change carries the details it set; the current status, as a stream's first event,
 * carries all of them known so far.
 */
public record PaymentStatusUpdate(UUID paymentId, PaymentStatus status, Instant at, String providerReference,
                                  String receipt, String failureCode, String failureReason, long sequence)
        implements StatusUpdate {

    /** Times to the millisecond, like the payment's view, so both show the same instant. */
    public PaymentStatusUpdate {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    /** MANUAL_REVIEW is not final: an operator's decision still settles or fails the payment. */
    @Override
    public boolean isFinal() {
        return status.isFinal();
    }
}
