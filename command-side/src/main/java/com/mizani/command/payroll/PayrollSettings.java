package com.mizani.command.payroll;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of payroll jobs.
 *
 * @param maxItems          the most items one job may hold
 * @param batchItems        the items paid in one unit of work (one database transaction)
 * @param runnerIntervalMs  how long the runner rests between looks for running jobs
 * @param runnerThreads     batches carried out at once, across all jobs: each holds one database connection, apart
 *                          from the commands of interactive requests (mizani.api.max-concurrent-commands)
 * @param runnerSliceBatches batches one job is given in a row before the runner looks again, so jobs take turns
 * @param runnerEnabled     whether this node pays running jobs at all; any node may, and several at once are safe
 */
@ConfigurationProperties("mizani.payroll")
public record PayrollSettings(@DefaultValue("100000") int maxItems,
                              @DefaultValue("100") int batchItems,
                              @DefaultValue("200") long runnerIntervalMs,
                              @DefaultValue("2") int runnerThreads,
                              @DefaultValue("20") int runnerSliceBatches,
                              @DefaultValue("true") boolean runnerEnabled) {
    public PayrollSettings {
        if (maxItems < 1 || batchItems < 1 || runnerIntervalMs < 1 || runnerThreads < 1 || runnerSliceBatches < 1) {
            throw new IllegalArgumentException("every mizani.payroll setting must be positive");
        }
    }
}
