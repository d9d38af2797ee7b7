package com.mizani.query.payment;

import com.mizani.kernel.payment.PaymentStatus;

import java.util.UUID;

/**
 * A deposit through a provider as reconciliation compares it with the provider's statement.
 *
 * @param reference     the provider's reference for it (CheckoutRequestID, TransID); null when we never learnt one
 * @param receivedMinor what our settlement account took in for it: its amount once SETTLED, with whatever approved
 *                      corrections of its incidents posted; 0 when nothing moved
 */
public record DepositStanding(UUID paymentId, PaymentStatus status, String reference, long receivedMinor) {
}
