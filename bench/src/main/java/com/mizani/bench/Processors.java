package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the app's event processors have read, from their tokens in {@code token_entry} (Axon stores them as
 * JSON with the Jackson serializer): a processor has caught up when every one of its segments has passed the last
 * stored event.
 */
final class Processors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Processors() {
    }

    /** Per processor, the position of its slowest segment; -1 when a segment has not read anything yet. */
    static Map<String, Long> positions(Connection db) throws Exception {
        Map<String, Long> positions = new TreeMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT processor_name, convert_from(token, 'UTF8') FROM token_entry")) {
            while (rows.next()) {
                long position = position(rows.getString(2));
                positions.merge(rows.getString(1), position, Math::min);
            }
        }
        return positions;
    }

    /**
     * The position a stored token stands for: a gap-aware token's {@code index}; a replay token's current token's
     * (its position while the replay runs, and its tokens' afterwards).
     */
    static long position(String tokenJson) throws IOException {
        if (tokenJson == null) {
            return -1;
        }
        JsonNode token = JSON.readTree(tokenJson);
        if (token.has("currentToken")) {
            JsonNode current = token.get("currentToken");
            return current.isNull() ? -1 : position(current.toString());
        }
        return token.path("index").asLong(-1);
    }

    /** Waits until each named processor's every segment has passed the last stored event; false on timeout. */
    static boolean awaitCaughtUp(Postgres postgres, Collection<String> names, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextLog = Instant.now().plusSeconds(10);
        try (Connection db = postgres.connect()) {
            while (true) {
                long head = Audit.single(db, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
                Map<String, Long> positions = positions(db);
                boolean caughtUp = names.stream().allMatch(name -> positions.getOrDefault(name, -1L) >= head);
                if (caughtUp) {
                    return true;
                }
                if (Instant.now().isAfter(deadline)) {
                    BenchMain.log("processors did not catch up within %s: at %s, last event %d", timeout, positions, head);
                    return false;
                }
                if (Instant.now().isAfter(nextLog)) {
                    BenchMain.log("waiting for the processors to catch up: %s, last event %d", positions, head);
                    nextLog = Instant.now().plusSeconds(10);
                }
                Thread.sleep(500);
            }
        }
    }
}
