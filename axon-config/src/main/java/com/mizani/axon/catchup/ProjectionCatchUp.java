package com.mizani.axon.catchup;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until projections have applied every event committed before the wait began, so that a read issued after a
 * write's answer shows that write (and every other one answered before the read). The position to reach is the
 * store's head when the wait begins; a processor has reached it when each of its segments has stepped past it with
 * no hole left below it that a committed event fills. Holes matter: a processor steps over an event still
 * committing and comes back for it, and that event may be the very write the reader was answered about.
 * <p>
 * A segment this node processes is judged by its in-memory status, which a processor updates only after its batch
 * committed. A segment another node holds is judged by the token that node last stored.
 */
public class ProjectionCatchUp {

    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long REWAKE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long SEGMENT_COUNT_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final EventProcessingConfiguration processing;
    private final WakeableEventSource source;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Map<String, SegmentCount> segmentCounts = new ConcurrentHashMap<>();

    public ProjectionCatchUp(EventProcessingConfiguration processing, WakeableEventSource source, JdbcTemplate jdbc,
                             Serializer serializer) {
        this.processing = processing;
        this.source = source;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * @return whether the processors of {@code groups} reached the store's present head within {@code maxWait}
     */
    public boolean awaitCommittedEvents(Collection<String> groups, Duration maxWait) {
        TrackingToken head = source.createHeadToken();
        if (head == null || head.position().orElse(-1) < 0) {
            return true;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long nextWake = System.nanoTime();
        while (!groups.stream().allMatch(group -> hasReached(group, head))) {
            long now = System.nanoTime();
            if (now > deadline || Thread.currentThread().isInterrupted()) {
                return false;
            }
            // Again and again while waiting: a wake can come too early (the store's reader has not fetched the new
            // events yet) or while the processor is busy with a pass that began before them, and then it is lost.
            if (now >= nextWake) {
                source.wake();
                nextWake = now + REWAKE_NANOS;
            }
            LockSupport.parkNanos(RECHECK_NANOS);
        }
        return true;
    }

    private boolean hasReached(String group, TrackingToken head) {
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming event processor named " + group));
        Collection<TrackingToken> tokens = segmentTokens(processor);
        if (tokens.isEmpty()) {
            return false;
        }
        List<Long> holesBelowHead = new ArrayList<>();
        for (TrackingToken token : tokens) {
            if (token == null || !reached(WrappedToken.unwrapLowerBound(token), head, holesBelowHead)) {
                return false;
            }
        }
        return holesBelowHead.isEmpty() || noneCommitted(holesBelowHead);
    }

    /**
     * Whether a segment's token has stepped past the head with the head's own position not a hole; the holes it left
     * below the head are added to {@code holesBelowHead}, for the caller to ask whether committed events fill them.
     */
    static boolean reached(TrackingToken token, TrackingToken head, List<Long> holesBelowHead) {
        if (token instanceof GapAwareTrackingToken gapAware && head instanceof GapAwareTrackingToken target) {
            if (gapAware.getIndex() < target.getIndex() || gapAware.getGaps().contains(target.getIndex())) {
                return false;
            }
            holesBelowHead.addAll(gapAware.getGaps().headSet(target.getIndex()));
            return true;
        }
        return token != null && token.covers(head);
    }

    private boolean noneCommitted(List<Long> positions) {
        Integer committed = jdbc.queryForObject(
                "SELECT count(*) FROM domain_event_entry WHERE global_index = ANY (?)", Integer.class,
                (Object) positions.toArray(Long[]::new));
        return committed == null || committed == 0;
    }

    /** One token per segment of the processor: this node's own segments from memory, the others' from the store. */
    private Collection<TrackingToken> segmentTokens(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        local.forEach((segment, status) -> tokens.put(segment, status.isErrorState() ? null : status.getTrackingToken()));
        if (local.isEmpty() || segmentCount(processor.getName()) > local.size()) {
            storedTokens(processor.getName()).forEach(tokens::putIfAbsent);
        }
        return tokens.values();
    }

    /** How many segments the processor has in all, read again at most every few seconds (a split or merge is rare). */
    private int segmentCount(String processorName) {
        SegmentCount known = segmentCounts.get(processorName);
        if (known != null && System.nanoTime() - known.readAtNanos() < SEGMENT_COUNT_MAX_AGE_NANOS) {
            return known.count();
        }
        Integer count = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?",
                Integer.class, processorName);
        int segments = count == null ? 0 : count;
        segmentCounts.put(processorName, new SegmentCount(segments, System.nanoTime()));
        return segments;
    }

    private record SegmentCount(int count, long readAtNanos) {
    }

    private Map<Integer, TrackingToken> storedTokens(String processorName) {
        Map<Integer, TrackingToken> tokens = new HashMap<>();
        jdbc.query("SELECT segment, token, token_type FROM token_entry WHERE processor_name = ?", rs -> {
            byte[] token = rs.getBytes(2);
            String type = rs.getString(3);
            tokens.put(rs.getInt(1), token == null || type == null ? null : serializer.deserialize(
                    new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null))));
        }, processorName);
        return tokens;
    }
}
