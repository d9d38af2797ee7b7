package com.mizani.query.payroll;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.FindPayrollJobProgressQuery;
import com.mizani.kernel.payroll.PayrollBatchPaidEvent;
import com.mizani.kernel.payroll.PayrollItem;
import com.mizani.kernel.payroll.PayrollItemResult;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollItemsAddedEvent;
import com.mizani.kernel.payroll.PayrollJobApprovedEvent;
import com.mizani.kernel.payroll.PayrollJobCompletedEvent;
import com.mizani.kernel.payroll.PayrollJobCreatedEvent;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.query.live.StatusUpdates;
import com.mizani.query.support.ProjectionDatabase;
import com.mizani.query.support.ProjectionRunner;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The payroll views' live side: after each batch of events, a job that a progress stream watches goes to it once, as
 * its view shows it after the batch's writes; a job nobody watches is not even read.
 */
@ExtendWith(ProjectionDatabase.class)
class PayrollProjectionTest {

    private static final String PAYROLL_JOB = "PayrollJob";

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final ReadsCounted jobs;
    private final ProjectionRunner runner;

    PayrollProjectionTest(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        JdbcClient client = JdbcClient.create(dataSource);
        jobs = new ReadsCounted(template, client);
        runner = new ProjectionRunner(new PayrollProjection(jobs, new PayrollItemViewRepository(template, client),
                new StatusUpdates(emitter)), dataSource);
    }

    /** The job view's repository, counting the reads the projection makes for the live streams. */
    private static final class ReadsCounted extends PayrollJobViewRepository {
        final List<UUID> progressReads = new ArrayList<>();

        ReadsCounted(JdbcTemplate jdbc, JdbcClient client) {
            super(jdbc, client);
        }

        @Override
        Optional<PayrollJobProgress> progress(UUID jobId) {
            progressReads.add(jobId);
            return super.progress(jobId);
        }
    }

    @Test
    void aWatchedJobIsSentOnceABatchAsTheBatchLeftItAndAnUnwatchedOneIsNotRead() {
        UUID watched = UUID.randomUUID();
        UUID unwatched = UUID.randomUUID();
        List<PayrollJobProgress> received = watch(watched);

        runner.deliver(List.of(created(watched, 4), itemsAdded(watched, 4), created(unwatched, 2),
                itemsAdded(unwatched, 2)));
        // Two events, both of one batch, each paying two items: one update, with both batches' progress.
        runner.deliver(List.of(event(watched, new PayrollJobApprovedEvent(watched, "approver", total(4))),
                paid(watched, 0, 1, null), paid(watched, 1, 2, ErrorCode.WALLET_CLOSED),
                event(unwatched, new PayrollJobApprovedEvent(unwatched, "approver", total(2)))));
        runner.deliver(List.of(paid(watched, 2, 4, null), event(watched, new PayrollJobCompletedEvent(watched,
                PayrollJobStatus.COMPLETED_WITH_FAILURES, 3, 1, Money.of(0, CurrencyCode.KES)))));

        assertThat(received).extracting(update -> update.job().status(), update -> update.job().processedItems(),
                update -> update.job().progress(), PayrollJobProgress::sequence).containsExactly(
                tuple(PayrollJobStatus.PENDING_APPROVAL, 0, "0/4", 0L),
                tuple(PayrollJobStatus.RUNNING, 2, "2/4", 4L),
                tuple(PayrollJobStatus.COMPLETED_WITH_FAILURES, 4, "4/4", 6L));
        assertThat(received.getLast().job()).isEqualTo(jobs.find(watched).orElseThrow());
        assertThat(received.getLast().eventData()).isSameAs(received.getLast().job());
        assertThat(jobs.progressReads).containsExactly(watched, watched, watched);
    }

    @Test
    void progressUnderTheSameStatusIsNewsAndTheSameViewAgainIsNot() {
        UUID jobId = UUID.randomUUID();
        runner.deliver(List.of(created(jobId, 4), itemsAdded(jobId, 4),
                event(jobId, new PayrollJobApprovedEvent(jobId, "approver", total(4)))));
        PayrollJobProgress approved = jobs.progress(jobId).orElseThrow();
        runner.deliver(List.of(paid(jobId, 0, 2, null)));
        PayrollJobProgress halfway = jobs.progress(jobId).orElseThrow();

        assertThat(halfway.status()).isEqualTo(approved.status());
        assertThat(halfway.isNewsAfter(approved)).isTrue();
        assertThat(new PayrollJobProgress(halfway.job(), halfway.sequence() + 1).isNewsAfter(halfway)).isFalse();
        assertThat(halfway.isFinal()).isFalse();
    }

    private List<PayrollJobProgress> watch(UUID jobId) {
        UpdateHandlerRegistration<PayrollJobProgress> registration = emitter.registerUpdateHandler(
                new GenericSubscriptionQueryMessage<>(new FindPayrollJobProgressQuery(jobId),
                        ResponseTypes.optionalInstanceOf(PayrollJobProgress.class),
                        ResponseTypes.instanceOf(PayrollJobProgress.class)), 64);
        List<PayrollJobProgress> received = new ArrayList<>();
        registration.getUpdates().map(Message::getPayload).subscribe(received::add);
        return received;
    }

    private EventMessage<?> created(UUID jobId, int items) {
        return event(jobId, new PayrollJobCreatedEvent(jobId, UUID.randomUUID(), "November", items, total(items),
                "service", "hash"));
    }

    private EventMessage<?> itemsAdded(UUID jobId, int items) {
        return event(jobId, new PayrollItemsAddedEvent(jobId, 0, IntStream.range(0, items)
                .mapToObj(index -> new PayrollItem("EMP-" + index, Money.of(100, CurrencyCode.KES), UUID.randomUUID(),
                        null))
                .toList()));
    }

    /** Items {@code from} to {@code to - 1} paid, the first of them failed with {@code failure} when it is given. */
    private EventMessage<?> paid(UUID jobId, int from, int to, ErrorCode failure) {
        List<PayrollItemResult> results = IntStream.range(from, to).mapToObj(index -> index == from && failure != null
                        ? new PayrollItemResult(index, UUID.randomUUID(), PayrollItemStatus.FAILED, failure)
                        : new PayrollItemResult(index, UUID.randomUUID(), PayrollItemStatus.COMPLETED, null))
                .toList();
        return event(jobId, new PayrollBatchPaidEvent(jobId, from, to, results));
    }

    private EventMessage<?> event(UUID jobId, Object payload) {
        return runner.event(PAYROLL_JOB, jobId, payload);
    }

    private static Money total(int items) {
        return Money.of(100L * items, CurrencyCode.KES);
    }
}
