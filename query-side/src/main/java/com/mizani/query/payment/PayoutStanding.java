package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentStatus;

import java.util.UUID;

/**
 * A payout through a provider as reconciliation compares it with the provider's statement.
 *
 * @param amountMinor the payout's amount (fee excluded: the fee never leaves us), whatever its status
 */
public record PayoutStanding(UUID paymentId, PaymentStatus status, long amountMinor) {
}
