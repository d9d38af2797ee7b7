package com.mizani.command.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RecordDepositCommand;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

/**
 * Money entering or leaving through a payment method. Like a transfer, its id comes from the idempotency
 * key, so it is also the record that stops a repeated request from moving money twice.
 */
@Aggregate
public class Payment {

    @AggregateIdentifier
    private UUID paymentId;
    private UUID walletId;
    private Money amount;
    private PaymentMethod method;
    private String requestHash;
    private PaymentStatus status;
    private ErrorCode failureCode;
    private String failureReason;
    private Instant requestedAt;
    private Instant finishedAt;

    protected Payment() {
        // Required by Axon to rebuild the payment from its events.
    }

    boolean exists() {
        return paymentId != null;
    }

    void requestDeposit(RecordDepositCommand command) {
        AggregateLifecycle.apply(new DepositRequestedEvent(command.paymentId(), command.walletId(), command.amount(),
                command.method(), command.requestHash()));
    }

    PaymentOutcome outcomeOfRepeat(String repeatedRequestHash) {
        if (!requestHash.equals(repeatedRequestHash)) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different payment");
        }
        return outcome();
    }

    void settle() {
        requireRequested();
        AggregateLifecycle.apply(new PaymentSettledEvent(paymentId));
    }

    void reject(ErrorCode code, String reason) {
        requireRequested();
        AggregateLifecycle.apply(new PaymentRejectedEvent(paymentId, code, reason));
    }

    PaymentOutcome outcome() {
        return new PaymentOutcome(paymentId, walletId, amount, method, status, failureCode, failureReason,
                requestedAt, finishedAt);
    }

    private void requireRequested() {
        if (status != PaymentStatus.REQUESTED) {
            throw new IllegalStateException("payment %s is %s, not REQUESTED".formatted(paymentId, status));
        }
    }

    @EventSourcingHandler
    void on(DepositRequestedEvent event, @Timestamp Instant at) {
        paymentId = event.paymentId();
        walletId = event.walletId();
        amount = event.amount();
        method = event.method();
        requestHash = event.requestHash();
        status = PaymentStatus.REQUESTED;
        requestedAt = at;
    }

    @EventSourcingHandler
    void on(PaymentSettledEvent event, @Timestamp Instant at) {
        status = PaymentStatus.SETTLED;
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(PaymentRejectedEvent event, @Timestamp Instant at) {
        status = PaymentStatus.REJECTED;
        failureCode = event.code();
        failureReason = event.reason();
        finishedAt = at;
    }
}
