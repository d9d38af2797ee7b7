package com.mizani.kernel.payroll;

import com.mizani.kernel.error.ErrorCode;

import java.util.Objects;
import java.util.UUID;

/**
 * How one item was paid: COMPLETED, or FAILED with the code its transfer was refused with.
 *
 * @param transferId the item's transfer, derived from the job and the index, so a retried item is the same transfer
 */
public record PayrollItemResult(int index, UUID transferId, PayrollItemStatus status, ErrorCode failureCode) {
    public PayrollItemResult {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(status, "status");
        if (status != PayrollItemStatus.COMPLETED && status != PayrollItemStatus.FAILED) {
            throw new IllegalArgumentException("a paid item is COMPLETED or FAILED");
        }
        if ((status == PayrollItemStatus.FAILED) != (failureCode != null)) {
            throw new IllegalArgumentException("a failed item, and only a failed one, has a failure code");
        }
    }
}
