package com.mizani.command.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the command API.
 *
 * @param maxAmountMinor    the largest amount one request may move, in minor units of its currency
 * @param transferWaitMs    how long POST /transfers waits for the outcome before answering 202
 * @param transientRetries  how often a command that lost a race (optimistic lock, deadlock) is retried
 * @param maxConcurrentCommands commands executing at once; keep it below the database pool size
 */
@ConfigurationProperties("mizani.api")
public record ApiLimits(@DefaultValue("10000000000000") long maxAmountMinor,
                        @DefaultValue("2000") long transferWaitMs,
                        @DefaultValue("5") int transientRetries,
                        @DefaultValue("16") int maxConcurrentCommands) {
}
