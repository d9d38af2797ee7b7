package com.mizani.query.payroll;

import com.mizani.kernel.live.StatusUpdate;
import com.mizani.kernel.payroll.PayrollJobStatus;

import java.util.Objects;

/**
 * A payroll job as its live progress stream sends it: the job's view as {@code GET /api/v1/payroll/jobs/{id}} shows it
 * (the event's data is exactly that JSON, so a field the view gains is streamed too), and the sequence of the job's
 * last event the view applied (the event's id).
 */
public record PayrollJobProgress(PayrollJobView job, long sequence) implements StatusUpdate {

    public PayrollJobProgress {
        Objects.requireNonNull(job, "job");
    }

    @Override
    public PayrollJobStatus status() {
        return job.status();
    }

    /** The job's view alone: the stream's data is what GET /api/v1/payroll/jobs/{id} answers, nothing added. */
    @Override
    public Object eventData() {
        return job;
    }

    @Override
    public boolean isFinal() {
        return job.status().isFinal();
    }

    /** The job stays RUNNING while its items are paid: any change of its view is news, its progress above all. */
    @Override
    public boolean isNewsAfter(StatusUpdate previous) {
        return !(previous instanceof PayrollJobProgress earlier && earlier.job().equals(job));
    }
}
