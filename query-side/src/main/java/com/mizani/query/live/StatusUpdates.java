package com.mizani.query.live;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Hands the status changes of a projection's batch to the live streams that watch them. Projections call it once
 * their batch has committed (see {@code ProjectionBatch}): a stream that opens meanwhile reads the committed view,
 * so it sees every status either in its first event or as an update. Axon 4.13 would defer an emit to the commit
 * by itself only from a unit of work still in its STARTED phase, not from the flush in prepare-commit.
 */
@Component
public class StatusUpdates {

    private static final Logger log = LoggerFactory.getLogger(StatusUpdates.class);

    private final QueryUpdateEmitter emitter;

    public StatusUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /**
     * Emits each update whose id a subscription of {@code queryType} watches. Without subscriptions this is one
     * look at an empty set, so projections pay next to nothing for the streams nobody opened.
     */
    public <Q, U> void emit(Class<Q> queryType, Function<Q, UUID> watchedId, List<U> updates, Function<U, UUID> idOf) {
        if (updates.isEmpty()) {
            return;
        }
        Set<UUID> watched = watchedIds(queryType, watchedId);
        for (U update : updates) {
            UUID id = idOf.apply(update);
            if (watched.contains(id)) {
                send(queryType, watchedId, id, update);
            }
        }
    }

    private <Q> Set<UUID> watchedIds(Class<Q> queryType, Function<Q, UUID> watchedId) {
        Set<UUID> watched = new HashSet<>();
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            if (queryType.isInstance(subscription.getPayload())) {
                watched.add(watchedId.apply(queryType.cast(subscription.getPayload())));
            }
        }
        return watched;
    }

    /** The batch is committed already: a stream that cannot take its update must not make the projection retry. */
    private <Q, U> void send(Class<Q> queryType, Function<Q, UUID> watchedId, UUID id, U update) {
        try {
            emitter.emit(queryType, query -> watchedId.apply(query).equals(id), update);
        } catch (RuntimeException failed) {
            log.warn("status update for {} not delivered to its live streams", id, failed);
        }
    }
}
