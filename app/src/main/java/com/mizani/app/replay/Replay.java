package com.mizani.app.replay;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;

/** One running (or finished) rebuild of a projection: the range of positions it must cover and how far it got. */
final class Replay {

    private final String projection;
    private final PooledStreamingEventProcessor processor;
    /** Positions of the first stored event and of the last one stored when the replay began. */
    private final long firstPosition;
    private final long lastPosition;
    private final Instant startedAt = Instant.now();
    private Instant finishedAt;
    private ReplayProgress.State state = ReplayProgress.State.REPLAYING;
    private String error;
    private boolean endLogged;

    Replay(String projection, PooledStreamingEventProcessor processor, long firstPosition, long lastPosition) {
        this.projection = projection;
        this.processor = processor;
        this.firstPosition = firstPosition;
        this.lastPosition = lastPosition;
    }

    static Replay failed(String projection, PooledStreamingEventProcessor processor, String error) {
        Replay replay = new Replay(projection, processor, 0, -1);
        replay.state = ReplayProgress.State.FAILED;
        replay.finishedAt = replay.startedAt;
        replay.error = error;
        return replay;
    }

    boolean isRunning() {
        return state == ReplayProgress.State.REPLAYING;
    }

    /** Whether the progress log has a line to write: while running, and once more for the end. */
    synchronized boolean takeUnloggedProgress() {
        progress();
        if (isRunning()) {
            return true;
        }
        boolean first = !endLogged;
        endLogged = true;
        return first;
    }

    synchronized ReplayProgress progress() {
        long total = Math.max(0, lastPosition - firstPosition + 1);
        long done = Math.min(total, Math.max(0, reachedPosition() - firstPosition + 1));
        if (state == ReplayProgress.State.REPLAYING && processor.isError()) {
            state = ReplayProgress.State.FAILED;
            error = "the processor stopped on an error; see the application log";
            finishedAt = Instant.now();
        }
        if (state == ReplayProgress.State.REPLAYING && done == total && caughtUp()) {
            state = ReplayProgress.State.COMPLETED;
            finishedAt = Instant.now();
        }
        Duration elapsed = Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
        long rate = elapsed.toMillis() == 0 ? 0 : done * 1000 / elapsed.toMillis();
        Long secondsLeft = state == ReplayProgress.State.COMPLETED ? Long.valueOf(0)
                : rate == 0 ? null : Long.valueOf((total - done) / rate);
        return new ReplayProgress(projection, state, startedAt, finishedAt, done, total, rate, secondsLeft, error);
    }

    /** The position every segment has passed: the slowest segment's; before any segment is claimed, none. */
    private long reachedPosition() {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return firstPosition - 1;
        }
        long reached = Long.MAX_VALUE;
        for (EventTrackerStatus segment : segments) {
            OptionalLong position = segment.getCurrentPosition();
            reached = Math.min(reached, position.isPresent() ? position.getAsLong() : firstPosition - 1);
        }
        return reached;
    }

    /**
     * Every segment has read up to the head of the stream. (Not "no longer replaying": Axon ends a replay only at the
     * first event after the reset point, which may be a long time coming on a quiet system.)
     */
    private boolean caughtUp() {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        return !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
    }
}
