package com.mizani.kernel.payroll;

import java.util.Objects;
import java.util.UUID;

/**
 * A payroll job as its view shows it now, empty while the read model does not know it. As a subscription query, it
 * also receives the job after each batch of its events the view applies: its status and its progress.
 */
public record FindPayrollJobProgressQuery(UUID jobId) {

    public FindPayrollJobProgressQuery {
        Objects.requireNonNull(jobId, "jobId");
    }
}
