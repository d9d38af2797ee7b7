package com.mizani.query.ops;

import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.query.payment.PaymentViewRepository;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The payments that need operations: those waiting on the provider or an operator, and payouts that failed. */
@Component
public class PaymentQueues {

    private final PaymentViewRepository payments;

    public PaymentQueues(PaymentViewRepository payments) {
        this.payments = payments;
    }

    public record QueuedPayment(UUID paymentId, String kind, String method, UUID walletId, String amount, String fee,
                                String currency, String status, String failureCode, String failureReason,
                                Instant requestedAt, Instant updatedAt, long ageSeconds) {
    }

    /**
     * Every payment in one status: how many, how long the oldest has waited since it was requested, and the oldest
     * few.
     */
    public record Queue(long count, Instant oldestRequestedAt, Long oldestAgeSeconds, List<QueuedPayment> items) {
    }

    /** Payouts that failed within the window (by when they failed), most recent first. */
    public record FailedPayouts(long count, List<QueuedPayment> items) {
    }

    /** Oldest first: the payment waiting longest is the one to look at. */
    public Queue waiting(PaymentStatus status, int items, Instant now) {
        PaymentViewRepository.Counted waiting = payments.oldestFirstCounted(status, items);
        if (waiting.rows().isEmpty()) {
            return new Queue(0, null, null, List.of());
        }
        List<QueuedPayment> queued = queued(waiting, now);
        QueuedPayment oldest = queued.getFirst();
        return new Queue(waiting.total(), oldest.requestedAt(), oldest.ageSeconds(), queued);
    }

    public FailedPayouts failedPayouts(Instant from, Instant to, int items, Instant now) {
        PaymentViewRepository.Counted failed = payments.failedWithdrawals(from, to, items);
        return new FailedPayouts(failed.total(), queued(failed, now));
    }

    private static List<QueuedPayment> queued(PaymentViewRepository.Counted payments, Instant now) {
        return payments.rows().stream().map(payment -> new QueuedPayment(payment.paymentId(), payment.kind().name(),
                payment.method().name(), payment.walletId(), payment.amount().toDecimalString(),
                payment.fee().toDecimalString(), payment.amount().currency().name(), payment.status().name(),
                payment.failureCode(), payment.failureReason(), payment.requestedAt(), payment.updatedAt(),
                Math.max(0, Duration.between(payment.requestedAt(), now).toSeconds()))).toList();
    }
}
