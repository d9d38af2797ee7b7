package com.mizani.command.payment;

import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.PaymentOutcome;

import java.util.UUID;

/** A payment refused before anything was sent; the problem it becomes names the payment for lookups. */
public final class PaymentRejected extends MizaniException {

    private final UUID paymentId;

    PaymentRejected(PaymentOutcome outcome) {
        super(outcome.failureCode(), outcome.failureReason());
        this.paymentId = outcome.paymentId();
    }

    public UUID paymentId() {
        return paymentId;
    }
}
