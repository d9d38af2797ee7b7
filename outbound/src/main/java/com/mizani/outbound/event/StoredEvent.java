package com.mizani.outbound.event;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/** One event of the store as a processor handed it over, before its exact position is looked up. */
public record StoredEvent(String eventId, Object payload, Instant createdAt, long tokenPosition) {

    public static StoredEvent of(EventMessage<?> message, TrackingToken token) {
        return new StoredEvent(message.getIdentifier(), message.getPayload(), message.getTimestamp(),
                token.position().orElse(-1L));
    }
}
