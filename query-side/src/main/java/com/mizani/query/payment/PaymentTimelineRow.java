package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentEvent;
import com.mizani.kernel.payment.PaymentStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code payment_timeline}: one event of a payment, by its sequence in the payment's stream.
 *
 * @param event  the event's name ({@code WithdrawalReserved})
 * @param status the status the event moved the payment to, or null when it left the status as it was
 */
record PaymentTimelineRow(UUID paymentId, long sequence, Instant occurredAt, String event, PaymentStatus status,
                   String detail) {

    /** The one entry the four ways of creating a payment share: the payment was requested. */
    static final String REQUESTED = "PaymentRequested";

    PaymentTimelineRow {
        detail = PaymentViewRepository.fitted(detail);
    }

    static PaymentTimelineRow of(PaymentEvent event, long sequence, Instant at, String detail) {
        return new PaymentTimelineRow(event.paymentId(), sequence, at, PaymentEvent.nameOf(event),
                PaymentEvent.statusAfter(event).orElse(null), detail);
    }

    static PaymentTimelineRow requested(NewPayment payment, String detail) {
        return new PaymentTimelineRow(payment.paymentId(), payment.version(), payment.requestedAt(), REQUESTED,
                PaymentStatus.REQUESTED, detail);
    }
}
