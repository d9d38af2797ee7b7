package com.mizani.kernel.payment;

import com.mizani.kernel.error.ErrorCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A deposit as the API shows it. */
public record DepositView(UUID paymentId, UUID walletId, String amount, String currency, PaymentMethod method,
                          PaymentStatus status, ErrorCode failureCode, String failureReason, Instant requestedAt,
                          Instant finishedAt) {

    /** Times are shown to the millisecond, the precision the event store keeps, so a repeat answers identically. */
    public DepositView {
        requestedAt = requestedAt == null ? null : requestedAt.truncatedTo(ChronoUnit.MILLIS);
        finishedAt = finishedAt == null ? null : finishedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    public static DepositView of(PaymentOutcome outcome) {
        return new DepositView(outcome.paymentId(), outcome.walletId(), outcome.amount().toDecimalString(),
                outcome.amount().currency().name(), outcome.method(), outcome.status(), outcome.failureCode(),
                outcome.failureReason(), outcome.requestedAt(), outcome.finishedAt());
    }
}
