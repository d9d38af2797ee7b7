package com.mizani.app.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the MongoDB client waits before it gives up. The driver's defaults (30 s to find a server) would hold the
 * audit processor's batch that long on every retry while MongoDB is down; failing in seconds lets the processor back
 * off and retry on its own schedule instead.
 *
 * @param serverSelectionTimeoutMs how long an operation waits for a reachable server
 * @param connectTimeoutMs         how long opening a connection may take
 * @param readTimeoutMs            how long a started operation may wait for its answer
 */
@ConfigurationProperties("mizani.audit.mongo")
public record AuditMongoProperties(@DefaultValue("2000") int serverSelectionTimeoutMs,
                                   @DefaultValue("2000") int connectTimeoutMs,
                                   @DefaultValue("10000") int readTimeoutMs) {
}
