package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentStatus;

import java.util.UUID;

/**
 * A payout through a provider as reconciliation compares it with the provider's statement.
 *
 * @param movedMinor what our settlement account moved for it: the captured amount once SETTLED (the fee never leaves
 *                   us), plus or minus whatever approved corrections of its incidents posted; 0 when nothing moved
 */
public record PayoutStanding(UUID paymentId, PaymentStatus status, long movedMinor) {
}
