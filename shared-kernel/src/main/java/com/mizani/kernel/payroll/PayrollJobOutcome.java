package com.mizani.kernel.payroll;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.Money;

import java.util.UUID;

/**
 * A job as its aggregate answers a command.
 *
 * @param fees       the M-Pesa items' fees, reserved with {@code total}
 * @param checkpoint the index of the first item not paid yet
 * @param refusal    the code the source wallet refused this approval with; null otherwise
 */
public record PayrollJobOutcome(UUID jobId, PayrollJobStatus status, int totalItems, Money total, Money fees,
                                int checkpoint,
                                int succeededItems, int failedItems, ErrorCode refusal, String refusalReason) {
}
