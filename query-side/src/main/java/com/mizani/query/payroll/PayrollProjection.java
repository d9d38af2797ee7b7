package com.mizani.query.payroll;

import com.mizani.kernel.payroll.FindPayrollJobProgressQuery;
import com.mizani.kernel.payroll.PayrollBatchPaidEvent;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollItemsAddedEvent;
import com.mizani.kernel.payroll.PayrollJobApprovalRefusedEvent;
import com.mizani.kernel.payroll.PayrollJobApprovedEvent;
import com.mizani.kernel.payroll.PayrollJobCancelledEvent;
import com.mizani.kernel.payroll.PayrollJobCompletedEvent;
import com.mizani.kernel.payroll.PayrollJobCreatedEvent;
import com.mizani.kernel.payroll.PayrollJobRejectedEvent;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.kernel.payroll.PayrollPayoutFinishedEvent;
import com.mizani.query.live.StatusUpdates;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Payroll jobs and their items, for the job's progress and its reports (which items failed, and why). A processing
 * group of its own, so this view is rebuilt, and falls behind on a failure, without touching the others. Idempotent:
 * a job's row moves only forward by the job's event sequence, an item is inserted once and takes its batch's result
 * only while PENDING, and its payout's outcome only while PROCESSING. Writes are collected per event batch
 * ({@link ProjectionBatch}) and made in the events' order. Once the batch has committed, each job it wrote to goes to
 * the job's live progress streams, read back from its view: one update a batch, however many items the batch paid.
 */
@Component
@ProcessingGroup(PayrollProjection.PROCESSING_GROUP)
public class PayrollProjection {

    public static final String PROCESSING_GROUP = "payroll";

    private final PayrollJobViewRepository jobs;
    private final PayrollItemViewRepository items;
    private final StatusUpdates statusUpdates;

    public PayrollProjection(PayrollJobViewRepository jobs, PayrollItemViewRepository items,
                             StatusUpdates statusUpdates) {
        this.jobs = jobs;
        this.items = items;
        this.statusUpdates = statusUpdates;
    }

    @EventHandler
    void on(PayrollJobCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> jobs.created(event.jobId(), event.sourceWalletId(), event.name(), event.totalItems(),
                event.total(), event.fees(), event.createdBy(), at, sequence));
    }

    @EventHandler
    void on(PayrollItemsAddedEvent event) {
        write(event.jobId(), () -> items.added(event.jobId(), event.firstIndex(), event.items()));
    }

    @EventHandler
    void on(PayrollJobApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> jobs.approved(event.jobId(), event.approvedBy(), at, sequence));
    }

    @EventHandler
    void on(PayrollJobApprovalRefusedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> jobs.approvalRefused(event.jobId(), event.code().name(), at, sequence));
    }

    @EventHandler
    void on(PayrollJobRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> {
            jobs.decided(event.jobId(), PayrollJobStatus.REJECTED, event.rejectedBy(), event.reason(), at, sequence);
            items.cancelRest(event.jobId());
        });
    }

    @EventHandler
    void on(PayrollBatchPaidEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int completed = count(event, PayrollItemStatus.COMPLETED);
        int failed = count(event, PayrollItemStatus.FAILED);
        int processing = count(event, PayrollItemStatus.PROCESSING);
        write(event.jobId(), () -> {
            items.paid(event.jobId(), event.results());
            jobs.batchPaid(event.jobId(), event.checkpoint(), completed, failed, processing, at, sequence);
        });
    }

    private static int count(PayrollBatchPaidEvent event, PayrollItemStatus status) {
        return (int) event.results().stream().filter(result -> result.status() == status).count();
    }

    @EventHandler
    void on(PayrollPayoutFinishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> {
            items.payoutFinished(event);
            jobs.payoutFinished(event.jobId(), event.status() == PayrollItemStatus.COMPLETED, at, sequence);
        });
    }

    @EventHandler
    void on(PayrollJobCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> jobs.completed(event.jobId(), event.status(), at, sequence));
    }

    @EventHandler
    void on(PayrollJobCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(event.jobId(), () -> {
            jobs.decided(event.jobId(), PayrollJobStatus.CANCELLED, event.cancelledBy(), null, at, sequence);
            items.cancelRest(event.jobId());
        });
    }

    private void write(UUID jobId, Runnable write) {
        Batch batch = ProjectionBatch.current(PayrollProjection.class.getName(), Batch::new, Batch::flush,
                this::publish);
        batch.writes.add(write);
        batch.jobs.add(jobId);
    }

    /** The batch's writes in the order of their events: a job's row comes before its items' results. */
    private static final class Batch {
        final List<Runnable> writes = new ArrayList<>();
        /** The jobs the batch wrote to: each one's live progress stream gets the job once, as the batch left it. */
        final Set<UUID> jobs = new LinkedHashSet<>();

        void flush() {
            writes.forEach(Runnable::run);
        }
    }

    private void publish(Batch batch) {
        statusUpdates.emitCurrent(FindPayrollJobProgressQuery.class, FindPayrollJobProgressQuery::jobId, batch.jobs,
                jobs::progress);
    }

    /** A replay rebuilds the views from the first event, so it starts from empty ones. */
    @ResetHandler
    void reset() {
        items.clear();
        jobs.clear();
    }
}
