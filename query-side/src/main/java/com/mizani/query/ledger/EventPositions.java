package com.mizani.query.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Each event's own position in the global stream. The tracking token a handler sees does not always tell it: an
 * event that commits late fills a gap the processor had already stepped over, and its token then carries the
 * highest position seen so far, not the event's. A rebuilt view would then differ from the live one (a replay meets
 * no gaps), so the positions are read from the JDBC event store itself, by event id: one indexed lookup per batch.
 * Events not in that table (kept in Axon Server, whose tokens have no gaps) keep their token's position.
 */
@Component
public class EventPositions {

    private final JdbcTemplate jdbc;

    public EventPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> of(Collection<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.query("SELECT event_identifier, global_index FROM domain_event_entry WHERE event_identifier = ANY (?)",
                    rs -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                    },
                    (Object) eventIds.toArray(String[]::new));
        }
        return positions;
    }
}
