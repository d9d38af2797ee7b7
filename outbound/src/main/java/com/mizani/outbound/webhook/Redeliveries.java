package com.mizani.outbound.webhook;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.outbound.event.Publication;
import com.mizani.outbound.event.PublicEvent;
import com.mizani.outbound.event.PublicEventBatch;
import com.mizani.outbound.event.PublicEventType;
import com.mizani.outbound.event.PublicEvents;
import com.mizani.outbound.event.StoredEvent;
import com.mizani.query.ledger.EventPositions;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Sends again what an endpoint was, or would have been, sent: one event by its id, or every event it subscribes
 * to from a position or a time on, read from the store itself (so events from before the endpoint existed, or
 * whose deliveries were pruned or dead-lettered, can be sent too). Each keeps its id, so receivers that already
 * have it see a duplicate by its webhook-id. Also the test ping.
 */
@Service
public class Redeliveries {

    private static final int BATCH = 500;

    /**
     * @param queued        deliveries made
     * @param fromPosition  the first position read
     * @param throughPosition the last position read; null when nothing was
     * @param complete      whether the store's head (as it was at the request) was reached
     * @param nextPosition  when not complete, the fromPosition to ask for next
     */
    public record Redelivery(int queued, long fromPosition, Long throughPosition, boolean complete, Long nextPosition) {
    }

    private final EventStore eventStore;
    private final EventPositions positions;
    private final PublicEventBatch publicEvents;
    private final WebhookMessages messages;
    private final WebhookDeliveries deliveries;
    private final WebhookBodies bodies;
    private final WebhookDispatcher dispatcher;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;

    public Redeliveries(EventStore eventStore, EventPositions positions, PublicEventBatch publicEvents,
                        WebhookMessages messages, WebhookDeliveries deliveries, WebhookBodies bodies,
                        WebhookDispatcher dispatcher, WebhookSettings settings, PlatformTransactionManager transactions) {
        this.eventStore = eventStore;
        this.positions = positions;
        this.publicEvents = publicEvents;
        this.messages = messages;
        this.deliveries = deliveries;
        this.bodies = bodies;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** One public event again, by its id (the webhook-id the endpoint saw, or sees in its attempts). */
    public Redelivery redeliverEvent(WebhookEndpoints.Endpoint endpoint, String eventId) {
        String storedId = eventId.contains(":") ? eventId.substring(0, eventId.indexOf(':')) : eventId;
        Long position = positions.of(List.of(storedId)).get(storedId);
        if (position == null) {
            throw new MizaniException(ErrorCode.EVENT_NOT_FOUND, "no event " + eventId + " in the store");
        }
        List<Publication> matching = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(tokenBefore(position))) {
            while (stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (event.getIdentifier().equals(storedId)) {
                    publicEvents.publish(List.of(StoredEvent.of(event, event.trackingToken()))).stream()
                            .filter(publication -> publication.event().id().equals(eventId))
                            .forEach(matching::add);
                    break;
                }
                if (event.trackingToken().position().orElse(0L) > position) {
                    break;
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (matching.isEmpty()) {
            throw new MizaniException(ErrorCode.EVENT_NOT_FOUND, "event " + eventId + " is not a public event");
        }
        // Asked for by id: sent whatever the endpoint subscribes to, but never another owner's webhook event.
        List<Publication> allowed = matching.stream()
                .filter(publication -> publication.onlyFor() == null || publication.onlyFor().equals(endpoint.owner()))
                .toList();
        if (allowed.isEmpty()) {
            throw new MizaniException(ErrorCode.EVENT_NOT_FOUND, "no event " + eventId + " in the store");
        }
        int queued = queue(endpoint, allowed, false);
        return new Redelivery(queued, position, position, true, null);
    }

    /** Every event the endpoint subscribes to from {@code fromPosition} on, up to redelivery-max-events read. */
    public Redelivery redeliverFrom(WebhookEndpoints.Endpoint endpoint, long fromPosition) {
        return redeliver(endpoint, fromPosition, fromPosition == 0 ? eventStore.createTailToken()
                : tokenBefore(fromPosition));
    }

    /** Every event the endpoint subscribes to stored at or after {@code since}. */
    public Redelivery redeliverSince(WebhookEndpoints.Endpoint endpoint, Instant since) {
        TrackingToken token = eventStore.createTokenAt(since);
        long from = token == null ? 0 : token.position().orElse(-1L) + 1;
        return redeliver(endpoint, from, token);
    }

    private Redelivery redeliver(WebhookEndpoints.Endpoint endpoint, long fromPosition, TrackingToken start) {
        TrackingToken headToken = eventStore.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1L);
        int read = 0;
        int queued = 0;
        Long through = null;
        List<StoredEvent> batch = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(start)) {
            while ((through == null || through < head) && read < settings.redeliveryMaxEvents()
                    && stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                long position = event.trackingToken().position().orElse(0L);
                if (position > head) {
                    break;
                }
                batch.add(StoredEvent.of(event, event.trackingToken()));
                through = position;
                read++;
                if (batch.size() == BATCH) {
                    queued += queue(endpoint, publicEvents.publish(batch), true);
                    batch.clear();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        queued += queue(endpoint, publicEvents.publish(batch), true);
        boolean complete = through == null || through >= head;
        return new Redelivery(queued, fromPosition, through, complete, complete ? null : through + 1);
    }

    /** A test message for one endpoint, sent like any other; answers its id. */
    public String ping(WebhookEndpoints.Endpoint endpoint) {
        if (!endpoint.enabled()) {
            throw new MizaniException(ErrorCode.WEBHOOK_ENDPOINT_DISABLED, "endpoint " + endpoint.id()
                    + " is disabled; enable it to ping it");
        }
        Instant now = Instant.now();
        PublicEvent ping = PublicEvents.ping(UUID.randomUUID(), endpoint.id(), now);
        transaction.executeWithoutResult(status -> {
            messages.insert(List.of(new WebhookMessages.Message(ping.id(), ping.type(), null, now, bodies.of(ping))));
            deliveries.insert(List.of(new WebhookDeliveries.NewDelivery(endpoint.id(), ping.id(), "ping:" + ping.id(),
                    0, now)));
        });
        dispatcher.wake();
        return ping.id();
    }

    private int queue(WebhookEndpoints.Endpoint endpoint, List<Publication> publications, boolean bySubscription) {
        WebhookEndpoints.Subscriber asSubscriber = new WebhookEndpoints.Subscriber(endpoint.id(), endpoint.owner(),
                bySubscription ? Set.copyOf(endpoint.eventTypes()) : Set.of(PublicEventType.ALL), -1);
        DeliveryPlan plan = DeliveryPlan.of(List.of(asSubscriber), publications, bodies, Instant.now());
        if (!plan.deliveries().isEmpty()) {
            transaction.executeWithoutResult(status -> plan.writeTo(messages, deliveries));
            dispatcher.wake();
        }
        return plan.deliveries().size();
    }

    private static TrackingToken tokenBefore(long position) {
        return position <= 0 ? null : GapAwareTrackingToken.newInstance(position - 1, Collections.emptySet());
    }
}
