package com.mizani.kernel.payroll;

import com.mizani.kernel.error.ErrorCode;

import java.util.Objects;
import java.util.UUID;

/**
 * How one item was paid by its batch: a wallet item's transfer COMPLETED or FAILED; an M-Pesa item's payout
 * PROCESSING (reserved, sent on to the provider), or FAILED at once when the source refused it.
 *
 * @param transferId  a wallet item's transfer, derived from the job and the index, so a retried item is the same
 *                    transfer; null for an M-Pesa item
 * @param failureCode the code a FAILED item was refused with; null otherwise
 * @param paymentId   an M-Pesa item's payout, derived like the transfer id; null for a wallet item
 */
public record PayrollItemResult(int index, UUID transferId, PayrollItemStatus status, ErrorCode failureCode,
                                UUID paymentId) {
    public PayrollItemResult {
        Objects.requireNonNull(status, "status");
        if ((transferId == null) == (paymentId == null)) {
            throw new IllegalArgumentException("an item is paid by exactly one of a transfer and a payout");
        }
        boolean allowed = status == PayrollItemStatus.COMPLETED && transferId != null
                || status == PayrollItemStatus.PROCESSING && paymentId != null
                || status == PayrollItemStatus.FAILED;
        if (!allowed) {
            throw new IllegalArgumentException("a batch ends a transfer COMPLETED or FAILED, a payout PROCESSING or FAILED");
        }
        if ((status == PayrollItemStatus.FAILED) != (failureCode != null)) {
            throw new IllegalArgumentException("a failed item, and only a failed one, has a failure code");
        }
    }

    /** A wallet item's result. */
    public PayrollItemResult(int index, UUID transferId, PayrollItemStatus status, ErrorCode failureCode) {
        this(index, transferId, status, failureCode, null);
    }

    /** An M-Pesa item's result: PROCESSING, or FAILED with the code its payout was refused with. */
    public static PayrollItemResult ofPayout(int index, UUID paymentId, ErrorCode refusal) {
        return new PayrollItemResult(index, null,
                refusal == null ? PayrollItemStatus.PROCESSING : PayrollItemStatus.FAILED, refusal, paymentId);
    }
}
