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
 * @param maxBatchItems     the most transfers one POST /transfers/batch may carry
 * @param batchWaitMs       how long POST /transfers/batch waits for its items' outcomes; an item not done by then is
 *                          answered 202, as POST /transfers answers one
 * @param batchParallelism  the items of one batch carried out at once; each still takes one of the
 *                          maxConcurrentCommands, which are handed out in turn, so a batch holds at most this many
 *                          places in their queue and a single request waits behind no more than these
 * @param transferGroupMaxItems the most transfers carried out together in one unit of work and one database
 *                          transaction (group commit); 1 carries out each on its own
 * @param transferGroupLingerMs how long a group waits for more transfers once it has taken those already waiting;
 *                          0 adds no latency, and groups still form under load while every lane is busy
 * @param transferGroupLanes groups carried out at once; each takes one of the maxConcurrentCommands
 * @param maxConcurrentCallbackCommands of the maxConcurrentCommands, the most that provider callbacks may take: the
 *                          result callbacks of a payroll's payouts all wait for the one source wallet, and without a
 *                          share of their own they would take every place and leave interactive requests waiting
 * @param callbackGroupMaxItems the most provider results (callbacks) applied together in one unit of work and one
 *                          database transaction (group commit); 1 applies each on its own
 * @param callbackGroupLanes groups of provider results applied at once; each takes one of the callbacks' places
 */
@ConfigurationProperties("mizani.api")
public record ApiLimits(@DefaultValue("10000000000000") long maxAmountMinor,
                        @DefaultValue("2000") long transferWaitMs,
                        @DefaultValue("5") int transientRetries,
                        @DefaultValue("16") int maxConcurrentCommands,
                        @DefaultValue("1000") int maxBatchItems,
                        @DefaultValue("30000") long batchWaitMs,
                        @DefaultValue("32") int batchParallelism,
                        @DefaultValue("64") int transferGroupMaxItems,
                        @DefaultValue("0") long transferGroupLingerMs,
                        @DefaultValue("4") int transferGroupLanes,
                        @DefaultValue("8") int maxConcurrentCallbackCommands,
                        @DefaultValue("64") int callbackGroupMaxItems,
                        @DefaultValue("2") int callbackGroupLanes) {
}
