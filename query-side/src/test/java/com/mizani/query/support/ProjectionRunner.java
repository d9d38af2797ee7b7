package com.mizani.query.support;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a projection's event handlers as Axon's tracking processor does, without the application: a batch of tracked
 * events in one {@link BatchingUnitOfWork} with a database transaction attached, each event through Axon's own
 * annotated-handler adapter (so {@code @SequenceNumber}, {@code @Timestamp}, {@code @MessageIdentifier} and the
 * tracking token resolve as in production), then the commit, where {@link ProjectionBatch} flushes its writes. A
 * failure anywhere rolls the whole batch back and is rethrown. {@link #reset()} calls the {@code @ResetHandler}s, as
 * a processor's reset does, in a transaction of its own.
 * <p>
 * It also numbers the events it creates like an event store: per aggregate from sequence 0, one global position for
 * all, and times a millisecond apart from a fixed start.
 */
public final class ProjectionRunner {

    private final AnnotationEventHandlerAdapter handlers;
    private final TransactionManager transactions;
    private final Map<String, Long> sequences = new HashMap<>();
    private long position = -1;
    private Instant clock = Instant.parse("2026-03-01T08:00:00.123456789Z");

    public ProjectionRunner(Object projection, DataSource dataSource) {
        this.handlers = new AnnotationEventHandlerAdapter(projection);
        this.transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    }

    /** The aggregate's next event, at the next global position and a millisecond after the previous event. */
    public TrackedEventMessage<?> event(String aggregateType, UUID aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId.toString(), 0L, (last, ignored) -> last + 1);
        clock = clock.plus(Duration.ofMillis(1));
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(++position),
                new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), sequence, payload,
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), clock));
    }

    /** Delivers the events as one batch, in one transaction; throws what a handler or the flush threw. */
    public void deliver(List<? extends EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> handlers.handle(unitOfWork.getMessage()),
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    /** Delivers each event in a batch of its own, in order. */
    public void deliverOneByOne(List<? extends EventMessage<?>> events) {
        events.forEach(event -> deliver(List.of(event)));
    }

    public void reset() {
        transactions.executeInTransaction(handlers::prepareReset);
    }
}
