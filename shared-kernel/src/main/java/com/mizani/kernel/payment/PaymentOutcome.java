package com.mizani.kernel.payment;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.Money;

import java.time.Instant;
import java.util.UUID;

public record PaymentOutcome(UUID paymentId, UUID walletId, Money amount, Money fee, PaymentMethod method,
                             PaymentStatus status, ErrorCode failureCode, String failureReason,
                             Instant requestedAt, Instant finishedAt) {
}
