package com.mizani.kernel.payroll;

/** What became of one item of a payroll job. */
public enum PayrollItemStatus {
    /** Not paid yet: its amount is part of the job's reservation (once the job is approved). */
    PENDING,
    /** Its transfer completed. */
    COMPLETED,
    /** Its transfer was refused; the amount went back to the source's available balance. */
    FAILED,
    /** The job was cancelled or rejected before it was paid. */
    CANCELLED
}
