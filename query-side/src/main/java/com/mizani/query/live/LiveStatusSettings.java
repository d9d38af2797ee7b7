package com.mizani.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the live status streams.
 *
 * @param streamTimeoutMs   how long one stream stays open before it ends; a client that still wants updates
 *                          opens it again, and its first event is the status at that moment
 * @param firstStatusWaitMs how long a stream waits for an id the read model does not know yet, such as a transfer
 *                          accepted a moment ago, before it answers 404
 * @param heartbeatMs       how often an open stream sends a comment line: it keeps proxies from closing a quiet
 *                          connection, and it is how a client that went away is noticed
 */
@ConfigurationProperties("mizani.live")
public record LiveStatusSettings(@DefaultValue("600000") long streamTimeoutMs,
                                 @DefaultValue("5000") long firstStatusWaitMs,
                                 @DefaultValue("15000") long heartbeatMs) {

    public LiveStatusSettings {
        if (streamTimeoutMs <= 0 || firstStatusWaitMs <= 0 || heartbeatMs <= 0) {
            throw new IllegalArgumentException("mizani.live stream-timeout-ms, first-status-wait-ms and heartbeat-ms"
                    + " must be positive");
        }
    }
}
