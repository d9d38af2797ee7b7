package com.mizani.outbound.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the deliveries that are due. Each endpoint is served by a task of its own, so a slow or dead endpoint holds
 * up only itself; within an endpoint, deliveries of different resources go at the same time (up to
 * {@code max-in-flight-per-endpoint}) and one resource's one after the other, in the store's order. An endpoint is
 * leased by one node at a time, so several nodes never send it one resource's events out of order.
 * <p>
 * What became of each attempt is written after it ({@link DeliveryOutcomes}): a node killed after a send but before
 * that write sends the message again after restart (at least once; receivers deduplicate by webhook-id).
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration BACKLOG_METRICS_INTERVAL = Duration.ofSeconds(5);
    /** A round fetches this many deliveries per request allowed in flight: fewer queries and commits per delivery. */
    private static final int ROUND_PER_IN_FLIGHT = 8;
    /** Queued deliveries read per query while a round is gathered, and at most in all for one round. */
    private static final int QUEUE_PAGE = 1_000;
    private static final int QUEUE_WALK = 100_000;

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final DeliveryOutcomes outcomes;
    private final WebhookMetrics metrics;
    private final String node = UUID.randomUUID().toString();
    private final long leaseMs;

    private final Set<UUID> serving = ConcurrentHashMap.newKeySet();
    private final Semaphore endpointsAtOnce;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wakeRequested;
    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;
    private Instant backlogMeasuredAt = Instant.EPOCH;

    WebhookDispatcher(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookSender sender,
                      WebhookSettings settings, DeliveryOutcomes outcomes, WebhookMetrics metrics) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.endpointsAtOnce = new Semaphore(settings.maxEndpointsAtOnce());
        // Renewed every third of it while the endpoint is served; after a crash, another node waits this long.
        this.leaseMs = settings.connectTimeoutMs() + settings.readTimeoutMs() + 10_000;
    }

    /** Asks the dispatcher to look for due deliveries now (new ones were committed). */
    public void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        running = true;
        workers = Executors.newVirtualThreadPerTaskExecutor();
        loop = Thread.ofPlatform().daemon().name("webhook-dispatcher").start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        wake();
        workers.shutdownNow();
        try {
            loop.join(5_000);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                for (UUID endpoint : endpoints.withDueDeliveries(node)) {
                    if (!serving.contains(endpoint) && endpointsAtOnce.tryAcquire()) {
                        serving.add(endpoint);
                        workers.submit(() -> serveThenRelease(endpoint));
                    }
                }
                measureBacklog();
            } catch (RuntimeException failed) {
                // The database is away (restarting, say): look again at the next round.
                log.warn("Webhook dispatch could not look for due deliveries: {}", failed.toString());
            }
            awaitWake();
        }
    }

    private void awaitWake() {
        lock.lock();
        try {
            if (!wakeRequested && running) {
                woken.await(settings.pollMs(), TimeUnit.MILLISECONDS);
            }
            wakeRequested = false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private void serveThenRelease(UUID endpointId) {
        try {
            serve(endpointId);
        } catch (RuntimeException failed) {
            log.warn("Webhook deliveries to endpoint {} stopped, to go on at the next round: {}", endpointId,
                    failed.toString());
        } finally {
            serving.remove(endpointId);
            endpointsAtOnce.release();
            try {
                endpoints.release(endpointId, node);
            } catch (RuntimeException ignored) {
                // The lease times out by itself.
            }
        }
    }

    private void serve(UUID endpointId) {
        Optional<WebhookEndpoints.Endpoint> leased = endpoints.lease(endpointId, node, leaseMs);
        if (leased.isEmpty()) {
            return;
        }
        // The lease is renewed while the rounds go on, however long their sends take; a lease lost (to a node that
        // thought this one dead) ends the serving after the round in progress.
        AtomicBoolean leaseHeld = new AtomicBoolean(true);
        Thread keeper = Thread.ofVirtual().start(() -> renewWhileServing(endpointId, leaseHeld));
        try {
            WebhookEndpoints.Endpoint endpoint = leased.get();
            while (running && leaseHeld.get()) {
                List<WebhookDeliveries.Due> due = deliveries.due(nextRound(endpointId));
                if (due.isEmpty()) {
                    return;
                }
                Map<WebhookDeliveries.Due, WebhookSender.Sent> sent = sendAll(endpoint, due);
                if (!running) {
                    // Stopping: what was interrupted is sent again after restart, without counting as an attempt.
                    return;
                }
                outcomes.record(endpoint, sent);
                // The next round sees a change of URL, secret or state made meanwhile.
                endpoint = endpoints.find(endpointId).filter(WebhookEndpoints.Endpoint::enabled).orElse(null);
                if (endpoint == null) {
                    return;
                }
            }
        } finally {
            keeper.interrupt();
        }
    }

    /**
     * The deliveries of the next round: walking the pending queue in the store's order, the first pending delivery of
     * each resource if it is due. A resource whose first pending delivery waits for a retry sends nothing, so its
     * later events keep their order behind it. At most a round's worth, from at most {@link #QUEUE_WALK} queued
     * deliveries.
     */
    private List<Long> nextRound(UUID endpointId) {
        int round = ROUND_PER_IN_FLIGHT * settings.maxInFlightPerEndpoint();
        Set<String> taken = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        long afterSeq = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        for (int walked = 0; walked < QUEUE_WALK && ids.size() < round; ) {
            List<WebhookDeliveries.Queued> page = deliveries.queue(endpointId, afterSeq, afterId, QUEUE_PAGE);
            for (WebhookDeliveries.Queued queued : page) {
                // The first time a resource is met is its first pending delivery; any later one waits behind it.
                if (taken.add(queued.orderingKey()) && queued.due()) {
                    ids.add(queued.id());
                    if (ids.size() == round) {
                        break;
                    }
                }
            }
            if (page.size() < QUEUE_PAGE) {
                break;
            }
            walked += page.size();
            afterSeq = page.getLast().seq();
            afterId = page.getLast().id();
        }
        return ids;
    }

    private void renewWhileServing(UUID endpointId, AtomicBoolean leaseHeld) {
        try {
            while (leaseHeld.get()) {
                Thread.sleep(leaseMs / 3);
                if (endpoints.lease(endpointId, node, leaseMs).isEmpty()) {
                    leaseHeld.set(false);
                }
            }
        } catch (InterruptedException done) {
            // The serving is over; its caller releases the lease.
        } catch (RuntimeException failed) {
            leaseHeld.set(false);
        }
    }

    /** Sends a round's deliveries, at most max-in-flight-per-endpoint at once; each is the head of its resource. */
    private Map<WebhookDeliveries.Due, WebhookSender.Sent> sendAll(WebhookEndpoints.Endpoint endpoint,
                                                                   List<WebhookDeliveries.Due> due) {
        List<String> secrets = endpoint.signingSecrets(Instant.now());
        String url = endpoint.url();
        Semaphore inFlight = new Semaphore(settings.maxInFlightPerEndpoint());
        Map<WebhookDeliveries.Due, Future<WebhookSender.Sent>> sending = new LinkedHashMap<>();
        try {
            for (WebhookDeliveries.Due delivery : due) {
                inFlight.acquire();
                sending.put(delivery, workers.submit(() -> {
                    try {
                        return sender.send(url, secrets, delivery.messageId(), delivery.body());
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Map<WebhookDeliveries.Due, WebhookSender.Sent> sent = new LinkedHashMap<>();
        sending.forEach((delivery, future) -> {
            try {
                sent.put(delivery, future.get());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (ExecutionException failed) {
                sent.put(delivery, new WebhookSender.Sent(Instant.now(), null, 0, null, failed.getCause().toString()));
            }
        });
        return sent;
    }

    private void measureBacklog() {
        Instant now = Instant.now();
        if (now.isBefore(backlogMeasuredAt.plus(BACKLOG_METRICS_INTERVAL))) {
            return;
        }
        backlogMeasuredAt = now;
        Map<UUID, WebhookDeliveries.Backlog> backlog = new HashMap<>();
        deliveries.backlog().forEach(row -> backlog.put(row.endpointId(), row));
        endpoints.enabledSubscribers().forEach(endpoint ->
                backlog.putIfAbsent(endpoint.id(), new WebhookDeliveries.Backlog(endpoint.id(), 0, 0)));
        metrics.backlog(List.copyOf(backlog.values()));
    }
}
