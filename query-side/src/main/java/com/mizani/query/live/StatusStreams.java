package com.mizani.query.live;

import com.mizani.kernel.live.StatusUpdate;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a status subscription query into a stream of server-sent events: the current status first, then one
 * event per change that is news ({@link StatusUpdate#isNewsAfter}: another status, or a payroll job's progress),
 * named after the status, with the update's {@link StatusUpdate#eventData} as JSON data and its sequence as the
 * event id. The stream ends after a final status. However it ends (final status, timeout, client gone, error,
 * shutdown), its subscription query is closed.
 */
@Component
public class StatusStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StatusStreams.class);

    private final QueryGateway queries;
    private final LiveStatusSettings settings;
    /** Writes to the clients, so that the projection thread emitting an update never waits for a slow client. */
    private final Scheduler senders =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "live-status");
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public StatusStreams(QueryGateway queries, LiveStatusSettings settings) {
        this.queries = queries;
        this.settings = settings;
    }

    /**
     * The stream of the statuses {@code query} finds, or empty when its id stays unknown to the read model for
     * the first-status wait. The wait is for ids accepted a moment ago and not projected yet: their stream starts
     * as soon as the first status arrives, instead of a 404 the client would have to retry.
     */
    public <U extends StatusUpdate> Optional<SseEmitter> open(Object query, Class<U> updateType) throws InterruptedException {
        SubscriptionQueryResult<Optional<U>, U> subscription = queries.subscriptionQuery(query,
                ResponseTypes.optionalInstanceOf(updateType), ResponseTypes.instanceOf(updateType));
        SseEmitter emitter = new SseEmitter(settings.streamTimeoutMs());
        CompletableFuture<Void> known = new CompletableFuture<>();
        Disposable.Swap flow = Disposables.swap();
        open.add(emitter);
        flow.update(outgoing(subscription)
                .publishOn(senders)
                .doFinally(signal -> {
                    subscription.close();
                    open.remove(emitter);
                })
                .subscribe(outgoing -> send(emitter, outgoing, known, flow), failure -> failed(emitter, known, failure),
                        emitter::complete));
        emitter.onTimeout(() -> {
            flow.dispose();
            emitter.complete();
        });
        emitter.onError(failure -> flow.dispose());
        emitter.onCompletion(flow::dispose);
        return firstStatus(known, flow) ? Optional.of(emitter) : Optional.empty();
    }

    /** The news among the subscription's statuses, heartbeats in between, up to and including a final status. */
    private <U extends StatusUpdate> Flux<Outgoing> outgoing(SubscriptionQueryResult<Optional<U>, U> subscription) {
        Progress progress = new Progress();
        // The subscription was registered before the initial query runs, and its updates are buffered until the
        // initial status is out: nothing committed in between is lost; what arrives twice, Progress drops.
        Flux<Outgoing> statuses = subscription.initialResult().flatMap(Mono::justOrEmpty)
                .concatWith(subscription.updates())
                .filter(progress::advances)
                .map(Outgoing::of);
        Duration heartbeat = Duration.ofMillis(settings.heartbeatMs());
        Flux<Outgoing> heartbeats = Flux.interval(heartbeat, heartbeat).map(tick -> Outgoing.heartbeat());
        return statuses.mergeWith(heartbeats).takeUntil(Outgoing::last);
    }

    /** Whether the stream has its first status within the wait; if not, the flow is ended. */
    private boolean firstStatus(CompletableFuture<Void> known, Disposable flow) throws InterruptedException {
        try {
            known.get(settings.firstStatusWaitMs(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException unknown) {
            flow.dispose();
            return false;
        } catch (InterruptedException interrupted) {
            flow.dispose();
            throw interrupted;
        } catch (ExecutionException failed) {
            // The failure ended the flow already.
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    private static void send(SseEmitter emitter, Outgoing outgoing, CompletableFuture<Void> known, Disposable flow) {
        try {
            emitter.send(outgoing.event());
        } catch (IOException clientGone) {
            // The container ends the request; ending the flow closes the subscription query.
            log.debug("live status client went away: {}", clientGone.getMessage());
            flow.dispose();
            return;
        }
        if (outgoing.carriesStatus()) {
            known.complete(null);
        }
    }

    /** Before the first status, the request itself fails (a problem response); after it, the stream just ends. */
    private static void failed(SseEmitter emitter, CompletableFuture<Void> known, Throwable failure) {
        if (known.completeExceptionally(failure)) {
            return;
        }
        log.warn("live status stream ended by a failure", failure);
        emitter.complete();
    }

    /**
     * Lets an update through only if it is news: later in the aggregate's sequence than the last one seen, and news
     * after it as the update itself tells ({@link StatusUpdate#isNewsAfter}); the first one always is.
     */
    private static final class Progress {
        private StatusUpdate last;

        boolean advances(StatusUpdate update) {
            if (last != null && update.sequence() <= last.sequence()) {
                return false;
            }
            boolean news = last == null || update.isNewsAfter(last);
            last = update;
            return news;
        }
    }

    /** What a stream sends next: a status (a final one is its last event) or a heartbeat comment. */
    private record Outgoing(SseEmitter.SseEventBuilder event, boolean carriesStatus, boolean last) {

        static Outgoing of(StatusUpdate update) {
            return new Outgoing(SseEmitter.event().id(Long.toString(update.sequence())).name(update.status().name())
                    .data(update.eventData(), MediaType.APPLICATION_JSON), true, update.isFinal());
        }

        static Outgoing heartbeat() {
            return new Outgoing(SseEmitter.event().comment("heartbeat"), false, false);
        }
    }

    // ---- lifecycle: open streams end before the web server's graceful shutdown would wait for them ------------

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
        senders.dispose();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
