package com.mizani.outbound.webhook;

import com.mizani.outbound.event.PublicEventBatch;
import com.mizani.outbound.event.StoredEvent;
import com.mizani.query.support.ProjectionBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
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
        return ProjectionBatch.current(WebhookFanOut.class.getName(), ArrayList::new, this::fanOut,
                committed -> dispatcher.wake());
    }

    private void fanOut(List<StoredEvent> batch) {
        List<WebhookEndpoints.Subscriber> subscribers = endpoints.enabledSubscribers();
        if (!subscribers.isEmpty()) {
            DeliveryPlan.of(subscribers, publicEvents.publish(batch), bodies, Instant.now())
                    .writeTo(messages, deliveries);
        }
    }
}
