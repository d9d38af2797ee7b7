package com.mizani.kernel.payroll;

/** What became of one item of a payroll job. */
public enum PayrollItemStatus {
    /** Not paid yet: its amount (and an M-Pesa item's fee) is part of the job's reservation, once it is approved. */
    PENDING,
    /**
     * An M-Pesa item whose payout is under way: its amount and fee moved from the job's reservation to the payout's,
     * and the payout saga waits for the provider. COMPLETED or FAILED follows with the payout's outcome.
     */
    PROCESSING,
    /** Its transfer completed, or its payout settled. */
    COMPLETED,
    /** Its transfer or payout was refused, or the provider did not pay; the money went back to the source. */
    FAILED,
    /** The job was cancelled or rejected before it was paid. */
    CANCELLED
}
