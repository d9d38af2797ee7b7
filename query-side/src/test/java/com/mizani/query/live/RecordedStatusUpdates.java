package com.mizani.query.live;

import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The live status updates a projection hands over once its batch has committed, recorded in order instead of sent
 * to subscriptions.
 */
public final class RecordedStatusUpdates extends StatusUpdates {

    private final List<Object> updates = new ArrayList<>();

    public RecordedStatusUpdates() {
        super(SimpleQueryUpdateEmitter.builder().build());
    }

    @Override
    public <Q, U> void emit(Class<Q> queryType, Function<Q, UUID> watchedId, List<U> batch, Function<U, UUID> idOf) {
        updates.addAll(batch);
        super.emit(queryType, watchedId, batch, idOf);
    }

    /** Every update handed over so far, of every batch, in order. */
    public <U> List<U> all(Class<U> type) {
        return updates.stream().map(type::cast).toList();
    }
}
