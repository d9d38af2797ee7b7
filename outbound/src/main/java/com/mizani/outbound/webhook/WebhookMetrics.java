package com.mizani.outbound.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Webhook metrics on /actuator/prometheus: attempts by outcome (dead letters among them), how long after its event
 * a message was delivered, and per endpoint the deliveries pending and the age of the oldest (its lag).
 */
@Component
class WebhookMetrics {

    private final Counter delivered;
    private final Counter retrying;
    private final Counter dead;
    private final Timer lag;
    private final MultiGauge pending;
    private final MultiGauge oldestAge;

    WebhookMetrics(MeterRegistry registry) {
        delivered = attempts(registry, "delivered");
        retrying = attempts(registry, "retrying");
        dead = attempts(registry, "dead");
        lag = Timer.builder("mizani.webhooks.delivery.lag")
                .description("From an event's storing to its delivery's 2xx answer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1)).register(registry);
        pending = MultiGauge.builder("mizani.webhooks.pending")
                .description("Deliveries not yet delivered nor dead, per endpoint").register(registry);
        oldestAge = MultiGauge.builder("mizani.webhooks.lag.seconds")
                .description("Age of the oldest pending delivery's event, per endpoint").register(registry);
    }

    private static Counter attempts(MeterRegistry registry, String outcome) {
        return Counter.builder("mizani.webhooks.attempts").tag("outcome", outcome)
                .description("Webhook requests made, by what became of their delivery; outcome dead counts the "
                        + "dead letters").register(registry);
    }

    void attempted(String outcome) {
        switch (outcome) {
            case WebhookDeliveries.DELIVERED -> delivered.increment();
            case WebhookDeliveries.DEAD -> dead.increment();
            default -> retrying.increment();
        }
    }

    void deliveredAfter(Duration sinceEvent) {
        lag.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }

    void backlog(List<WebhookDeliveries.Backlog> backlog) {
        pending.register(backlog.stream().map(row -> MultiGauge.Row.of(Tags.of("endpoint", row.endpointId().toString()),
                row.pending())).toList(), true);
        oldestAge.register(backlog.stream().map(row -> MultiGauge.Row.of(Tags.of("endpoint",
                row.endpointId().toString()), row.oldestAgeMs() / 1000.0)).toList(), true);
    }
}
