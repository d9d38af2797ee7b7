package com.mizani.outbound.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Forgets finished deliveries, attempts and messages older than mizani.webhooks.retention, so that the tables hold
 * days of traffic, not years. Pending deliveries are never pruned: they are work still to do.
 */
@Component
class WebhookHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(WebhookHousekeeping.class);

    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookMessages messages;
    private final WebhookSettings settings;

    WebhookHousekeeping(WebhookDeliveries deliveries, WebhookAttempts attempts, WebhookMessages messages,
                        WebhookSettings settings) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.messages = messages;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${mizani.webhooks.housekeeping-ms:600000}", initialDelay = 60_000)
    void prune() {
        Instant before = Instant.now().minus(settings.retention());
        try {
            int finished = deliveries.pruneFinished(before);
            int tried = attempts.pruneBefore(before);
            int unreferenced = messages.pruneUnreferenced(before);
            if (finished + tried + unreferenced > 0) {
                log.info("Webhook housekeeping forgot {} deliveries, {} attempts and {} messages older than {}",
                        finished, tried, unreferenced, settings.retention());
            }
        } catch (RuntimeException failed) {
            log.warn("Webhook housekeeping failed, to be tried again: {}", failed.toString());
        }
    }
}
