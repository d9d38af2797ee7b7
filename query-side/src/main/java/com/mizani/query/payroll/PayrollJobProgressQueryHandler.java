package com.mizani.query.payroll;

import com.mizani.kernel.payroll.FindPayrollJobProgressQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** A payroll job as its view shows it now: the first event of its live progress stream. */
@Component
public class PayrollJobProgressQueryHandler {

    private final PayrollJobViewRepository jobs;

    public PayrollJobProgressQueryHandler(PayrollJobViewRepository jobs) {
        this.jobs = jobs;
    }

    @QueryHandler
    public Optional<PayrollJobProgress> progress(FindPayrollJobProgressQuery query) {
        return jobs.progress(query.jobId());
    }
}
