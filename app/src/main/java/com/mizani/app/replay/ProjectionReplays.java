package com.mizani.app.replay;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rebuilds projections from the event store. A projection is a processor whose handlers all support a reset (the
 * sagas do not: replaying them would call the provider again). Rebuilding one stops its processor, resets its
 * tokens (its reset handler empties its views) and starts it again; it then reads the whole event store, and its
 * progress can be followed here, in the log, and over HTTP.
 * <p>
 * The reset must claim every segment, so in a cluster the same processor must be stopped on the other nodes first;
 * otherwise the replay is refused and the processor goes on as before.
 */
@Service
public class ProjectionReplays implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final Map<String, Replay> replays = new ConcurrentHashMap<>();
    private final Duration progressLogInterval;

    public ProjectionReplays(EventProcessingConfiguration processing, EventStore eventStore, ReplaySettings settings) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.progressLogInterval = Duration.ofMillis(settings.progressLogMs());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::logProgress, progressLogInterval, progressLogInterval));
    }

    /** The names of the projections that can be rebuilt, in order. */
    public List<String> projections() {
        return processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof PooledStreamingEventProcessor processor
                        && processor.supportsReset())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    public synchronized ReplayProgress start(String projection) {
        PooledStreamingEventProcessor processor = processor(projection);
        Replay running = replays.get(projection);
        if (running != null && running.isRunning()) {
            throw new MizaniException(ErrorCode.REPLAY_IN_PROGRESS,
                    "a replay of " + projection + " is already running: " + running.progress().describe());
        }
        stop(processor);
        long first = positionAfter(eventStore.createTailToken());
        long last = positionAfter(eventStore.createHeadToken()) - 1;
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            processor.start();
            throw new MizaniException(ErrorCode.REPLAY_NOT_POSSIBLE, "another node is running projection "
                    + projection + "; stop it there, then replay again");
        }
        processor.start();
        Replay replay = new Replay(projection, processor, first, last);
        replays.put(projection, replay);
        log.info("Replay of projection {} started: {} events to read", projection, Math.max(0, last - first + 1));
        return replay.progress();
    }

    /** The current or last replay of the projection. */
    public ReplayProgress progress(String projection) {
        processor(projection);
        Replay replay = replays.get(projection);
        if (replay == null) {
            throw new MizaniException(ErrorCode.NOT_FOUND, "projection " + projection + " has not been replayed since the application started");
        }
        return replay.progress();
    }

    /** Every few seconds, a progress line per running replay, and the final one once it has ended. */
    void logProgress() {
        replays.values().stream().filter(Replay::takeUnloggedProgress)
                .forEach(replay -> log.info("Replay {}", replay.progress().describe()));
    }

    private PooledStreamingEventProcessor processor(String projection) {
        if (!projections().contains(projection)) {
            throw new MizaniException(ErrorCode.PROJECTION_NOT_FOUND,
                    "no projection named " + projection + "; projections: " + String.join(", ", projections()));
        }
        return processing.eventProcessor(projection, PooledStreamingEventProcessor.class).orElseThrow();
    }

    private static void stop(PooledStreamingEventProcessor processor) {
        try {
            processor.shutdownAsync().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + processor.getName(), interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            processor.start();
            throw new MizaniException(ErrorCode.SERVICE_UNAVAILABLE, "projection " + processor.getName()
                    + " did not stop within " + STOP_TIMEOUT_SECONDS + " s; try again");
        }
    }

    /** The position just after a token: where reading from it starts. An empty store has no tail token. */
    private static long positionAfter(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(-1) + 1;
    }
}
