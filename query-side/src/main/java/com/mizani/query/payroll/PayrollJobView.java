package com.mizani.query.payroll;

import com.mizani.kernel.payroll.PayrollJobStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A payroll job and how far it has got, as GET /api/v1/payroll/jobs/{id} shows it. */
public record PayrollJobView(
        UUID jobId,
        @Schema(description = "What the job is, as its creator named it.") String name,
        UUID sourceWalletId,
        PayrollJobStatus status,
        @Schema(description = "Items in the job.") int totalItems,
        @Schema(description = "The sum of the items, a decimal string in major units.", example = "125000.00")
        String totalAmount,
        @Schema(description = "The M-Pesa items' withdrawal fees together, reserved with the total.", example = "150.00")
        String totalFees,
        String currency,
        @Schema(description = "Items paid or failed so far.") int processedItems,
        @Schema(description = "Items whose transfer completed or whose payout settled.") int succeededItems,
        @Schema(description = "Items whose transfer or payout was refused, or not paid by the provider; their money "
                + "went back to the source.") int failedItems,
        @Schema(description = "M-Pesa items whose payout is under way (PROCESSING), waiting for the provider.")
        int processingItems,
        @Schema(description = "Items not decided yet: still to come, PROCESSING, or CANCELLED with the job.")
        int pendingItems,
        @Schema(description = "The index (from 0) of the first item not paid yet (an M-Pesa item counts as paid once "
                + "its payout is under way); the job resumes from it.") int checkpoint,
        @Schema(description = "processedItems/totalItems.", example = "5432/14000") String progress,
        String createdBy,
        Instant createdAt,
        @Schema(description = "Who approved it; null before.") String approvedBy,
        @Schema(description = "Who rejected or cancelled it; null otherwise.") String decidedBy,
        @Schema(description = "Why it was rejected; null otherwise.") String decisionReason,
        @Schema(description = "The code the source refused the last approval with (INSUFFICIENT_FUNDS...), while "
                + "the job waits; null otherwise.") String approvalRefusal,
        Instant updatedAt) {
}
