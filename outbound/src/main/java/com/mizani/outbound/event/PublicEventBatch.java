package com.mizani.outbound.event;

import com.mizani.query.ledger.EventPositions;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a processor's batch of stored events into public events, each with its own position in the store. The
 * token's position is not always the event's (an event that filled a gap carries the highest position seen), so
 * the positions are read by event id, once per batch ({@link EventPositions}).
 */
@Component
public class PublicEventBatch {

    private final EventPositions positions;

    public PublicEventBatch(EventPositions positions) {
        this.positions = positions;
    }

    public List<Publication> publish(Collection<StoredEvent> events) {
        Map<StoredEvent, List<PublicEvent>> mapped = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            List<PublicEvent> publicEvents = PublicEvents.of(event.payload(), event.eventId(), event.createdAt(),
                    event.tokenPosition());
            if (!publicEvents.isEmpty()) {
                mapped.put(event, publicEvents);
            }
        }
        Map<String, Long> exact = positions.of(mapped.keySet().stream().map(StoredEvent::eventId).toList());
        List<Publication> publications = new ArrayList<>();
        mapped.forEach((event, publicEvents) -> {
            Long position = exact.get(event.eventId());
            String onlyFor = PublicEvents.ownerOf(event.payload());
            for (PublicEvent publicEvent : publicEvents) {
                publications.add(new Publication(position == null ? publicEvent : publicEvent.at(position), onlyFor));
            }
        });
        return publications;
    }
}
