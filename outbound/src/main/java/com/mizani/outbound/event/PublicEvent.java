package com.mizani.outbound.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event as other systems see it (docs/events.md): nothing of Axon's, no internal class, phone numbers masked.
 *
 * @param id        the store's event id (with {@code :<n>} when one stored event tells of several items, as a payroll
 *                  batch does); the same at every redelivery, so receivers deduplicate by it
 * @param type      a {@link PublicEventType}'s wire name
 * @param createdAt when the event was stored
 * @param position  its position in the store (the ledger's global order); null for a test ping
 * @param data      the resource ids and the event's fields, as JSON values: amounts as decimal strings in major
 *                  units beside their currency
 */
public record PublicEvent(String id, String type, Instant createdAt, Long position, Map<String, Object> data) {

    public PublicEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public PublicEventType eventType() {
        return PublicEventType.ofWireName(type).orElseThrow();
    }

    /** The same event at its exact position in the store. */
    public PublicEvent at(long exactPosition) {
        return new PublicEvent(id, type, createdAt, exactPosition, data);
    }

    /** The id of the resource whose events keep their order: the Kafka key, and the webhooks' ordering key. */
    public String resourceKey() {
        return String.valueOf(data.get(eventType().resourceField()));
    }
}
