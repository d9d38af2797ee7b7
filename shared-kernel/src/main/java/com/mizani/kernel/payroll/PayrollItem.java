package com.mizani.kernel.payroll;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;

import java.util.Objects;
import java.util.UUID;

/**
 * One payment of a payroll job, to a wallet (a transfer) or to an M-Pesa number (a B2C payout): exactly one of
 * {@code walletId} and {@code msisdn}.
 *
 * @param reference the payer's own reference of the line, unique within its job
 */
public record PayrollItem(String reference, Money amount, UUID walletId, Msisdn msisdn) {

    public static final int MAX_REFERENCE_LENGTH = 64;

    public PayrollItem {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        if (reference.isEmpty() || reference.length() > MAX_REFERENCE_LENGTH) {
            throw new IllegalArgumentException("reference must be 1 to " + MAX_REFERENCE_LENGTH + " characters");
        }
        if (amount.amountMinor() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if ((walletId == null) == (msisdn == null)) {
            throw new IllegalArgumentException("an item pays exactly one of a wallet and an msisdn");
        }
    }

    public boolean paysWallet() {
        return walletId != null;
    }
}
