package com.mizani.outbound.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered (docs/webhooks.md).
 *
 * @param retrySchedule          the waits between attempts: the first attempt is at once, the next after the first
 *                               wait, and so on; after the last wait's attempt fails the delivery is dead-lettered.
 *                               The default spans about three days
 * @param jitterPercent          each wait is made up to this much shorter or longer at random, so that retries
 *                               after an outage do not all arrive at once
 * @param disableAfter           an endpoint whose every attempt failed for this long is disabled
 * @param allowedNetworks        CIDR ranges that URLs may point into although they are private, loopback or
 *                               link-local (refused otherwise, against SSRF); local mode allows loopback
 * @param connectTimeoutMs       to open a connection to an endpoint
 * @param readTimeoutMs          for an endpoint's whole answer, from the request sent
 * @param maxInFlightPerEndpoint requests to one endpoint at once (of different resources: one resource's events go
 *                               one after the other)
 * @param maxEndpointsAtOnce     endpoints being sent to at once; a slow one holds only its own sends
 * @param pollMs                 how often the dispatcher looks for due deliveries when nothing woke it
 * @param maxEndpointsPerOwner   endpoints one principal may register
 * @param secretGrace            after a rotation, how long the old secret still signs, unless the rotation says
 * @param redeliveryMaxEvents    events of the store one redelivery request reads; it answers where to go on from
 * @param retention              how long finished deliveries and attempts are kept
 */
@ConfigurationProperties("mizani.webhooks")
public record WebhookSettings(
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h", "24h", "24h"}) List<Duration> retrySchedule,
        @DefaultValue("10") int jitterPercent,
        @DefaultValue("5d") Duration disableAfter,
        @DefaultValue("") List<String> allowedNetworks,
        @DefaultValue("5000") long connectTimeoutMs,
        @DefaultValue("15000") long readTimeoutMs,
        @DefaultValue("32") int maxInFlightPerEndpoint,
        @DefaultValue("64") int maxEndpointsAtOnce,
        @DefaultValue("500") long pollMs,
        @DefaultValue("20") int maxEndpointsPerOwner,
        @DefaultValue("24h") Duration secretGrace,
        @DefaultValue("100000") int redeliveryMaxEvents,
        @DefaultValue("7d") Duration retention) {

    public WebhookSettings {
        retrySchedule = List.copyOf(retrySchedule);
        allowedNetworks = allowedNetworks.stream().filter(network -> !network.isBlank()).map(String::strip).toList();
        if (jitterPercent < 0 || jitterPercent > 50) {
            throw new IllegalArgumentException("mizani.webhooks.jitter-percent must be between 0 and 50");
        }
        if (maxInFlightPerEndpoint < 1 || maxEndpointsAtOnce < 1 || maxEndpointsPerOwner < 1) {
            throw new IllegalArgumentException("mizani.webhooks limits must be at least 1");
        }
    }

    /** Attempts a delivery gets in all: the first and one after each wait. */
    public int maxAttempts() {
        return retrySchedule.size() + 1;
    }
}
