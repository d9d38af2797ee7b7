package com.mizani.outbound.webhook;

import com.mizani.outbound.event.Publication;
import com.mizani.outbound.event.PublicEvent;
import com.mizani.outbound.event.PublicEventType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The messages and deliveries some public events make for some endpoints: each event once (if any endpoint receives
 * it), and a delivery per endpoint that does. The fan-out and redelivery both plan this way; each writes the plan in
 * its own transaction.
 */
record DeliveryPlan(List<WebhookMessages.Message> messages, List<WebhookDeliveries.NewDelivery> deliveries) {

    static DeliveryPlan of(List<WebhookEndpoints.Subscriber> subscribers, List<Publication> publications,
                           WebhookBodies bodies, Instant now) {
        List<WebhookMessages.Message> messages = new ArrayList<>();
        List<WebhookDeliveries.NewDelivery> deliveries = new ArrayList<>();
        for (Publication publication : publications) {
            PublicEvent event = publication.event();
            List<WebhookEndpoints.Subscriber> receivers = subscribers.stream()
                    .filter(subscriber -> receives(subscriber, publication)).toList();
            if (receivers.isEmpty()) {
                continue;
            }
            messages.add(new WebhookMessages.Message(event.id(), event.type(), event.position(), event.createdAt(),
                    bodies.of(event)));
            receivers.forEach(receiver -> deliveries.add(new WebhookDeliveries.NewDelivery(receiver.id(), event.id(),
                    event.resourceKey(), event.position(), now)));
        }
        return new DeliveryPlan(List.copyOf(messages), List.copyOf(deliveries));
    }

    /** An event of the store after the endpoint's start, of a type it subscribes to, and for it if only for some. */
    static boolean receives(WebhookEndpoints.Subscriber subscriber, Publication publication) {
        PublicEvent event = publication.event();
        return event.position() != null && event.position() > subscriber.fromPosition()
                && subscribes(subscriber.eventTypes(), event.type())
                && (publication.onlyFor() == null || publication.onlyFor().equals(subscriber.owner()));
    }

    static boolean subscribes(Collection<String> eventTypes, String type) {
        return eventTypes.contains(type) || eventTypes.contains(PublicEventType.ALL);
    }

    void writeTo(WebhookMessages messageTable, WebhookDeliveries deliveryTable) {
        messageTable.insert(messages);
        deliveryTable.insert(deliveries);
    }
}
