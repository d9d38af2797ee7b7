package com.mizani.query.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.kernel.payment.PendingResolution;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code payment_view}: a payment as it stands.
 *
 * @param fee               zero for deposits
 * @param version           the payment sequence of the last status change applied
 * @param pendingResolution the resolution proposed for a payment in review and waiting for approval, or null
 */
public record PaymentViewRow(UUID paymentId, PaymentKind kind, PaymentMethod method, UUID walletId, Money amount,
                         Money fee, String msisdnMasked, PaymentStatus status, String providerReference,
                         String receipt, String failureCode, String failureReason, Instant requestedAt,
                         Instant updatedAt, long version, PendingResolution pendingResolution) {

    /** The payment's current status with every detail known so far: the first event of its live status stream. */
    public PaymentStatusUpdate statusUpdate() {
        return new PaymentStatusUpdate(paymentId, status, updatedAt, providerReference, receipt, failureCode,
                failureReason, version);
    }
}
