package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.kernel.payment.PaymentSubmittedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * What an event that moves a payment's status sets on its row: the status the kernel maps the event to, and the
 * details that event carries. A detail it does not carry is null and leaves its column as it was. Applied only over
 * an older version of the row.
 */
record PaymentChange(UUID paymentId, PaymentStatus status, Instant at, long version, String providerReference,
                     String receipt, String failureCode, String failureReason) {

    PaymentChange {
        failureReason = PaymentViewRepository.fitted(failureReason);
    }

    /** A change of status alone. */
    static PaymentChange of(PaymentEvent event, long sequence, Instant at) {
        return new PaymentChange(event.paymentId(), statusAfter(event), at, sequence, null, null, null, null);
    }

    static PaymentChange submitted(PaymentSubmittedEvent event, long sequence, Instant at) {
        return new PaymentChange(event.paymentId(), statusAfter(event), at, sequence, event.providerReference(), null,
                null, null);
    }

    static PaymentChange confirmed(PaymentConfirmedEvent event, long sequence, Instant at) {
        return new PaymentChange(event.paymentId(), statusAfter(event), at, sequence, null, event.receipt(), null, null);
    }

    static PaymentChange failed(PaymentFailedEvent event, long sequence, Instant at) {
        return new PaymentChange(event.paymentId(), statusAfter(event), at, sequence, null, null, event.resultCode(),
                event.reason());
    }

    static PaymentChange rejected(PaymentRejectedEvent event, long sequence, Instant at) {
        return new PaymentChange(event.paymentId(), statusAfter(event), at, sequence, null, null, event.code().name(),
                event.reason());
    }

    /** The change as its live status update: only the details this change set. */
    PaymentStatusUpdate statusUpdate() {
        return new PaymentStatusUpdate(paymentId, status, at, providerReference, receipt, failureCode, failureReason,
                version);
    }

    private static PaymentStatus statusAfter(PaymentEvent event) {
        return PaymentEvent.statusAfter(event).orElseThrow(
                () -> new IllegalArgumentException(PaymentEvent.nameOf(event) + " leaves the status as it was"));
    }
}
