package com.mizani.kernel.payroll;

import java.util.Objects;
import java.util.UUID;

/**
 * The payroll item a payment pays: set on the payouts a payroll job makes, so that the payout's final outcome can be
 * recorded on its item. Null on every other payment.
 */
public record PayrollItemRef(UUID jobId, int index) {
    public PayrollItemRef {
        Objects.requireNonNull(jobId, "jobId");
        if (index < 0) {
            throw new IllegalArgumentException("an item's index is 0 or more");
        }
    }
}
