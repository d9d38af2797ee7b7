package com.mizani.outbound.webhook;

import com.mizani.kernel.webhook.WebhookEndpointDisabledEvent;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What became of a round of attempts to one endpoint, written in one transaction: each attempt in the log, each
 * delivery delivered, dead (its last attempt failed) or pending again after the next wait of the retry schedule, and
 * the endpoint's health. The backoff is for an endpoint that does not answer: once one that was failing answers 2xx
 * again, every delivery of it waiting for a retry is due at once, so an endpoint back from an outage catches up
 * without waiting out each delivery's schedule. An endpoint failing for longer than disable-after is disabled, and
 * the store records it as an event.
 */
@Component
class DeliveryOutcomes {

    private static final Logger log = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;
    private final EventGateway events;
    private final WebhookMetrics metrics;

    DeliveryOutcomes(WebhookEndpoints endpoints, WebhookDeliveries deliveries, WebhookAttempts attempts,
                     WebhookSettings settings, PlatformTransactionManager transactions, EventGateway events,
                     WebhookMetrics metrics) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.metrics = metrics;
    }

    void record(WebhookEndpoints.Endpoint endpoint, Map<WebhookDeliveries.Due, WebhookSender.Sent> sent) {
        Instant now = Instant.now();
        List<WebhookAttempts.Attempt> attempted = new ArrayList<>();
        List<WebhookDeliveries.Finished> finished = new ArrayList<>();
        boolean anySuccess = false;
        boolean anyFailure = false;
        for (Map.Entry<WebhookDeliveries.Due, WebhookSender.Sent> entry : sent.entrySet()) {
            WebhookDeliveries.Due delivery = entry.getKey();
            WebhookSender.Sent result = entry.getValue();
            int attempt = delivery.attempts() + 1;
            WebhookDeliveries.Finished outcome;
            if (result.delivered()) {
                anySuccess = true;
                outcome = new WebhookDeliveries.Finished(delivery.id(), WebhookDeliveries.DELIVERED, attempt, now, now);
            } else if (attempt >= settings.maxAttempts()) {
                anyFailure = true;
                outcome = new WebhookDeliveries.Finished(delivery.id(), WebhookDeliveries.DEAD, attempt, now, now);
            } else {
                anyFailure = true;
                outcome = new WebhookDeliveries.Finished(delivery.id(), WebhookDeliveries.PENDING, attempt,
                        now.plus(waitBefore(attempt + 1)), null);
            }
            finished.add(outcome);
            attempted.add(new WebhookAttempts.Attempt(0, endpoint.id(), delivery.id(), delivery.messageId(),
                    delivery.type(), attempt, result.at(), result.statusCode(), result.latencyMs(),
                    result.responseExcerpt(), result.error(),
                    WebhookDeliveries.PENDING.equals(outcome.state()) ? "RETRYING" : outcome.state()));
        }
        boolean succeeded = anySuccess;
        boolean failed = anyFailure;
        transaction.executeWithoutResult(status -> {
            attempts.insert(attempted);
            deliveries.finish(finished);
            Instant failingSince = endpoints.recordHealth(endpoint.id(), succeeded, failed, now);
            if (succeeded && endpoint.failingSince() != null) {
                // It failed until now and answers again: what waits in backoff is sent now, not hours later.
                deliveries.dueNow(endpoint.id());
            }
            if (failingSince != null && failingSince.isBefore(now.minus(settings.disableAfter()))) {
                disable(endpoint, failingSince, now);
            }
        });
        sent.forEach((delivery, result) -> {
            if (result.delivered()) {
                metrics.deliveredAfter(Duration.between(delivery.messageCreatedAt(), now));
            }
        });
        attempted.forEach(attempt -> metrics.attempted(attempt.outcome()));
    }

    private void disable(WebhookEndpoints.Endpoint endpoint, Instant failingSince, Instant now) {
        String reason = "every attempt failed since " + failingSince + " (mizani.webhooks.disable-after "
                + settings.disableAfter() + ")";
        if (endpoints.disableFailing(endpoint.id(), reason, now)) {
            // In the same transaction: the endpoint is disabled if and only if the store says so.
            events.publish(new WebhookEndpointDisabledEvent(endpoint.id(), endpoint.owner(), reason, failingSince));
            log.warn("Webhook endpoint {} disabled: {}", endpoint.id(), reason);
        }
    }

    /** The wait before attempt {@code next} (2 for the first retry), with jitter either way. */
    Duration waitBefore(int next) {
        Duration wait = settings.retrySchedule().get(next - 2);
        if (settings.jitterPercent() == 0 || wait.isZero()) {
            return wait;
        }
        double factor = 1 + ThreadLocalRandom.current().nextInt(-settings.jitterPercent(),
                settings.jitterPercent() + 1) / 100.0;
        return Duration.ofMillis(Math.round(wait.toMillis() * factor));
    }
}
