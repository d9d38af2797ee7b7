package com.mizani.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Collects a projection's writes for the batch of events its processor is handling, and writes them in one go
 * just before that batch's transaction commits (with the processor's token). One round trip per statement kind
 * instead of one per event; the batch is still all-or-nothing with the token, so redelivery stays safe.
 */
public final class ProjectionBatch {

    private ProjectionBatch() {
    }

    /** The batch of the current unit of work, created (and its flush registered) on first use. */
    public static <B> B current(String key, Supplier<B> create, Consumer<B> flush) {
        return current(key, create, flush, committed -> {
        });
    }

    /**
     * Like {@link #current(String, Supplier, Consumer)}, and hands the batch to {@code afterCommit} once its
     * transaction has committed, for what others may only learn of when the rows are there to read (live updates).
     */
    public static <B> B current(String key, Supplier<B> create, Consumer<B> flush, Consumer<B> afterCommit) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(key, ignored -> {
            B batch = create.get();
            unitOfWork.onPrepareCommit(committing -> flush.accept(batch));
            unitOfWork.afterCommit(committed -> afterCommit.accept(batch));
            return batch;
        });
    }
}
