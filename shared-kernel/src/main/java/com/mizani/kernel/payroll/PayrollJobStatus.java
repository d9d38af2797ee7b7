package com.mizani.kernel.payroll;

/** Where a payroll job is in its life; the last four are final. */
public enum PayrollJobStatus {
    PENDING_APPROVAL, RUNNING, COMPLETED, COMPLETED_WITH_FAILURES, CANCELLED, REJECTED;

    public boolean isFinal() {
        return this != PENDING_APPROVAL && this != RUNNING;
    }
}
