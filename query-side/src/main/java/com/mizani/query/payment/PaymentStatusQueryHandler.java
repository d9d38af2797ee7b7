package com.mizani.query.payment;

import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A payment's current status from its view: the first event of its live status stream. */
@Component
public class PaymentStatusQueryHandler {

    private final PaymentViewRepository payments;

    public PaymentStatusQueryHandler(PaymentViewRepository payments) {
        this.payments = payments;
    }

    @QueryHandler
    public Optional<PaymentStatusUpdate> status(FindPaymentStatusQuery query) {
        return payments.find(query.paymentId()).map(PaymentViewRow::statusUpdate);
    }
}
