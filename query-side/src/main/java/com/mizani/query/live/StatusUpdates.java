package com.mizani.query.live;

import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    /**
     * For each of the {@code changed} ids a subscription of {@code queryType} watches, reads its update as the view
     * shows it now and emits it: for a projection whose update is its row after the batch, read back once for the
     * batch and only for the ids somebody watches.
     */
    public <Q, U> void emitCurrent(Class<Q> queryType, Function<Q, UUID> watchedId, Collection<UUID> changed,
                                   Function<UUID, Optional<U>> current) {
        if (changed.isEmpty()) {
            return;
        }
        Set<UUID> watched = watchedIds(queryType, watchedId);
        for (UUID id : changed) {
            if (watched.contains(id)) {
                readAndSend(queryType, watchedId, id, current);
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

    /** Like {@link #send}, the read too: a failure to read the committed row must not make the projection retry. */
    private <Q, U> void readAndSend(Class<Q> queryType, Function<Q, UUID> watchedId, UUID id,
                                    Function<UUID, Optional<U>> current) {
        Optional<U> update;
        try {
            update = current.apply(id);
        } catch (RuntimeException failed) {
            log.warn("status update for {} not read for its live streams", id, failed);
            return;
        }
        update.ifPresent(found -> send(queryType, watchedId, id, found));
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
