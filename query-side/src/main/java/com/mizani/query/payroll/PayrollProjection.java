package com.mizani.query.payroll;

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
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Payroll jobs and their items, for the job's progress and its reports (which items failed, and why). A processing
 * group of its own, so this view is rebuilt, and falls behind on a failure, without touching the others. Idempotent:
 * a job's row moves only forward by the job's event sequence, an item is inserted once and takes its batch's result
 * only while PENDING, and its payout's outcome only while PROCESSING. Writes are collected per event batch ({@link ProjectionBatch}) and made in the events' order.
 */
@Component
@ProcessingGroup(PayrollProjection.PROCESSING_GROUP)
public class PayrollProjection {

    public static final String PROCESSING_GROUP = "payroll";

    private final PayrollJobViewRepository jobs;
    private final PayrollItemViewRepository items;

    public PayrollProjection(PayrollJobViewRepository jobs, PayrollItemViewRepository items) {
        this.jobs = jobs;
        this.items = items;
    }

    @EventHandler
    void on(PayrollJobCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> jobs.created(event.jobId(), event.sourceWalletId(), event.name(), event.totalItems(), event.total(),
                event.fees(), event.createdBy(), at, sequence));
    }

    @EventHandler
    void on(PayrollItemsAddedEvent event) {
        write(() -> items.added(event.jobId(), event.firstIndex(), event.items()));
    }

    @EventHandler
    void on(PayrollJobApprovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> jobs.approved(event.jobId(), event.approvedBy(), at, sequence));
    }

    @EventHandler
    void on(PayrollJobApprovalRefusedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> jobs.approvalRefused(event.jobId(), event.code().name(), at, sequence));
    }

    @EventHandler
    void on(PayrollJobRejectedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> {
            jobs.decided(event.jobId(), PayrollJobStatus.REJECTED, event.rejectedBy(), event.reason(), at, sequence);
            items.cancelRest(event.jobId());
        });
    }

    @EventHandler
    void on(PayrollBatchPaidEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        int completed = count(event, PayrollItemStatus.COMPLETED);
        int failed = count(event, PayrollItemStatus.FAILED);
        int processing = count(event, PayrollItemStatus.PROCESSING);
        write(() -> {
            items.paid(event.jobId(), event.results());
            jobs.batchPaid(event.jobId(), event.checkpoint(), completed, failed, processing, at, sequence);
        });
    }

    private static int count(PayrollBatchPaidEvent event, PayrollItemStatus status) {
        return (int) event.results().stream().filter(result -> result.status() == status).count();
    }

    @EventHandler
    void on(PayrollPayoutFinishedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> {
            items.payoutFinished(event);
            jobs.payoutFinished(event.jobId(), event.status() == PayrollItemStatus.COMPLETED, at, sequence);
        });
    }

    @EventHandler
    void on(PayrollJobCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> jobs.completed(event.jobId(), event.status(), at, sequence));
    }

    @EventHandler
    void on(PayrollJobCancelledEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        write(() -> {
            jobs.decided(event.jobId(), PayrollJobStatus.CANCELLED, event.cancelledBy(), null, at, sequence);
            items.cancelRest(event.jobId());
        });
    }

    private void write(Runnable write) {
        ProjectionBatch.current(PayrollProjection.class.getName(), Batch::new, Batch::flush).writes.add(write);
    }

    /** The batch's writes in the order of their events: a job's row comes before its items' results. */
    private static final class Batch {
        final List<Runnable> writes = new ArrayList<>();

        void flush() {
            writes.forEach(Runnable::run);
        }
    }

    /** A replay rebuilds the views from the first event, so it starts from empty ones. */
    @ResetHandler
    void reset() {
        items.clear();
        jobs.clear();
    }
}
