package com.mizani.app.payroll;

import com.mizani.command.payroll.PayrollSettings;
import com.mizani.kernel.payroll.PayPayrollBatchCommand;
import com.mizani.kernel.payroll.PayrollJobOutcome;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.query.payroll.PayrollJobViewRepository;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pays running payroll jobs, batch by batch. It finds them in the job view and asks each job to pay its next batch
 * from the checkpoint it knows; the job's own answer says where it stands, so the runner goes on from there without
 * waiting for the view. Its batches run on a few threads of its own (mizani.payroll.runner-threads), never on the
 * slots of interactive commands (mizani.api.max-concurrent-commands), so a large job takes at most that many database
 * connections and interactive requests keep theirs; and each job gets a slice of batches before the next job's turn.
 *
 * <p>Any number of nodes may run it: the job serializes its batches, a batch command whose checkpoint is stale changes
 * nothing, and two nodes that race on one batch cannot both store it (the loser's transaction, transfers and all,
 * rolls back). A node that dies mid-batch leaves it undone, and the next look, on any node, pays it.
 */
@Component
class PayrollRunner {

    private static final Logger log = LoggerFactory.getLogger(PayrollRunner.class);

    private final CommandGateway commands;
    private final PayrollJobViewRepository jobs;
    private final PayrollSettings settings;
    private final ExecutorService batches;
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    PayrollRunner(CommandGateway commands, PayrollJobViewRepository jobs, PayrollSettings settings) {
        this.commands = commands;
        this.jobs = jobs;
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        this.batches = Executors.newFixedThreadPool(settings.runnerThreads(), task -> {
            Thread thread = new Thread(task, "payroll-runner-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${mizani.payroll.runner-interval-ms:200}",
            initialDelayString = "${mizani.payroll.runner-interval-ms:200}")
    void look() {
        if (!settings.runnerEnabled()) {
            return;
        }
        for (PayrollJobViewRepository.Running job : jobs.running(settings.runnerThreads() * 4)) {
            if (inFlight.add(job.jobId())) {
                batches.execute(() -> {
                    try {
                        pay(job.jobId(), job.checkpoint());
                    } finally {
                        inFlight.remove(job.jobId());
                    }
                });
            }
        }
    }

    private void pay(UUID jobId, int from) {
        int checkpoint = from;
        try {
            for (int batch = 0; batch < settings.runnerSliceBatches(); batch++) {
                PayrollJobOutcome outcome = commands.sendAndWait(
                        new PayPayrollBatchCommand(jobId, checkpoint, settings.batchItems()));
                if (outcome.status() != PayrollJobStatus.RUNNING) {
                    return;
                }
                checkpoint = outcome.checkpoint();
            }
        } catch (RuntimeException failed) {
            // Nothing of the batch was stored; the next look asks again (another node may have paid it meanwhile).
            log.warn("payroll job {}: the batch from item {} failed and will be tried again: {}", jobId, checkpoint,
                    failed.toString());
        }
    }

    /** A batch under way either commits or rolls back whole; stopping waits a little for it, then interrupts it. */
    @PreDestroy
    void stop() throws InterruptedException {
        batches.shutdown();
        if (!batches.awaitTermination(5, TimeUnit.SECONDS)) {
            batches.shutdownNow();
        }
    }
}
