package com.mizani.query.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentStatusUpdate;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the event that created it tells it: REQUESTED since that event, at its sequence. One factory for
 * each of the four creating events.
 *
 * @param fee               zero for deposits
 * @param msisdnMasked      the phone the payment comes from or goes to, masked; null for cash and pay bill payments
 * @param providerReference known at creation only for a pay bill payment: its TransID
 */
record NewPayment(UUID paymentId, PaymentKind kind, PaymentMethod method, UUID walletId, Money amount, Money fee,
                  String msisdnMasked, String providerReference, Instant requestedAt, long version) {

    static NewPayment of(DepositRequestedEvent event, long sequence, Instant at) {
        return new NewPayment(event.paymentId(), PaymentKind.DEPOSIT, event.method(), event.walletId(), event.amount(),
                noFee(event.amount()), null, null, at, sequence);
    }

    static NewPayment of(WithdrawalRequestedEvent event, long sequence, Instant at) {
        return new NewPayment(event.paymentId(), PaymentKind.WITHDRAWAL, PaymentMethod.MPESA_B2C, event.walletId(),
                event.amount(), event.fee(), event.msisdn().masked(), null, at, sequence);
    }

    static NewPayment of(MobileDepositRequestedEvent event, long sequence, Instant at) {
        return new NewPayment(event.paymentId(), PaymentKind.DEPOSIT, PaymentMethod.MPESA_STK, event.walletId(),
                event.amount(), noFee(event.amount()), event.msisdn().masked(), null, at, sequence);
    }

    /** The TransID is the provider's reference from the start: the payment exists because the provider told us. */
    static NewPayment of(C2bPaymentReceivedEvent event, long sequence, Instant at) {
        return new NewPayment(event.paymentId(), PaymentKind.DEPOSIT, PaymentMethod.MPESA_C2B, event.walletId(),
                event.amount(), noFee(event.amount()), null, event.transId(), at, sequence);
    }

    /**
     * The live status of a payment just created: REQUESTED and no details, a pay bill payment's TransID included
     * (a stream's first event, read from the view, has that).
     */
    PaymentStatusUpdate statusUpdate() {
        return new PaymentStatusUpdate(paymentId, PaymentStatus.REQUESTED, requestedAt, null, null, null, null, version);
    }

    private static Money noFee(Money amount) {
        return Money.of(0, amount.currency());
    }
}
