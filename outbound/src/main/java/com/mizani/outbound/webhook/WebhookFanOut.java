package com.mizani.outbound.webhook;

import com.mizani.outbound.event.Publication;
import com.mizani.outbound.event.PublicEvent;
import com.mizani.outbound.event.PublicEventBatch;
import com.mizani.outbound.event.PublicEventType;
import com.mizani.outbound.event.StoredEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The webhooks' tracking processor: each public event of the store becomes one message and one delivery per
 * endpoint that subscribes to it, written in the processor's transaction with its token. There is no second write
 * to forget: an event the store holds is fanned out exactly once, even across a crash, and the dispatcher sends
 * what is written ({@link WebhookDispatcher}). An endpoint receives the events after the store's head at its
 * registration. Never replayed: a replay would send every past event again.
 */
@Component
@ProcessingGroup(WebhookFanOut.PROCESSING_GROUP)
@DisallowReplay
public class WebhookFanOut {

    public static final String PROCESSING_GROUP = "webhooks";

    private final WebhookEndpoints endpoints;
    private final WebhookMessages messages;
    private final WebhookDeliveries deliveries;
    private final PublicEventBatch publicEvents;
    private final WebhookBodies bodies;
    private final WebhookDispatcher dispatcher;

    public WebhookFanOut(WebhookEndpoints endpoints, WebhookMessages messages, WebhookDeliveries deliveries,
                         PublicEventBatch publicEvents, WebhookBodies bodies, WebhookDispatcher dispatcher) {
        this.endpoints = endpoints;
        this.messages = messages;
        this.deliveries = deliveries;
        this.publicEvents = publicEvents;
        this.bodies = bodies;
        this.dispatcher = dispatcher;
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        batch().add(StoredEvent.of(event, token));
    }

    private List<StoredEvent> batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(WebhookFanOut.class.getName(), ignored -> {
            List<StoredEvent> batch = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> fanOut(batch));
            unitOfWork.afterCommit(committed -> dispatcher.wake());
            return batch;
        });
    }

    private void fanOut(List<StoredEvent> batch) {
        List<WebhookEndpoints.Subscriber> subscribers = endpoints.enabledSubscribers();
        if (subscribers.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<WebhookMessages.Message> toStore = new ArrayList<>();
        List<WebhookDeliveries.NewDelivery> toSend = new ArrayList<>();
        for (Publication publication : publicEvents.publish(batch)) {
            PublicEvent event = publication.event();
            List<WebhookEndpoints.Subscriber> receivers = subscribers.stream()
                    .filter(subscriber -> receives(subscriber, publication)).toList();
            if (receivers.isEmpty()) {
                continue;
            }
            toStore.add(new WebhookMessages.Message(event.id(), event.type(), event.position(), event.createdAt(),
                    bodies.of(event)));
            receivers.forEach(receiver -> toSend.add(new WebhookDeliveries.NewDelivery(receiver.id(), event.id(),
                    event.resourceKey(), event.position(), now)));
        }
        messages.insert(toStore);
        deliveries.insert(toSend);
    }

    static boolean receives(WebhookEndpoints.Subscriber subscriber, Publication publication) {
        PublicEvent event = publication.event();
        return event.position() != null && event.position() > subscriber.fromPosition()
                && subscribes(subscriber.eventTypes(), event.type())
                && (publication.onlyFor() == null || publication.onlyFor().equals(subscriber.owner()));
    }

    static boolean subscribes(java.util.Collection<String> eventTypes, String type) {
        return eventTypes.contains(type) || eventTypes.contains(PublicEventType.ALL);
    }
}
