package com.mizani.axon.catchup;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The event store, as the projections' processors read it, with a way to wake them. The embedded event store's
 * streams cannot call a processor back when events arrive, so an idle pooled processor looks again only every
 * 500 ms, and a read that must see a write just answered would wait that long. Streams opened here accept the
 * processor's callback: {@link #wake()} asks every processor to look now, and a timer asks at a steady pace
 * ({@code mizani.axon.projection-poll-ms}), so a processor nobody wakes still looks regularly. Waking is on demand, not on every arrival: under a
 * write load the processors keep their large batches (waking on every arrival cost a third of the throughput, see
 * docs/benchmarks.md), and only a read that finds its view behind pays for a smaller one.
 */
public class WakeableEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final EventStore eventStore;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-wakeups");
        thread.setDaemon(true);
        return thread;
    });

    public WakeableEventSource(EventStore eventStore, Duration pollInterval) {
        this.eventStore = eventStore;
        long pollMs = pollInterval.toMillis();
        timer.scheduleWithFixedDelay(this::wake, pollMs, pollMs, TimeUnit.MILLISECONDS);
    }

    /** Asks every processor reading from here to look for new events now. */
    public void wake() {
        for (Runnable callback : waiting) {
            try {
                callback.run();
            } catch (RuntimeException stopped) {
                // A processor stopping refuses new tasks; it opens a new stream when it starts again. The timer
                // must not die of it: a scheduled task that throws is never run again.
                waiting.remove(callback);
            }
        }
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakeableStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private final class WakeableStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable callback;

        WakeableStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                waiting.remove(previous);
            }
            this.callback = callback;
            waiting.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable() {
            return stream.hasNextAvailable();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                waiting.remove(registered);
            }
            stream.close();
        }
    }
}
