package com.mizani.axon.cluster;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A PostgreSQL advisory lock per aggregate, held by the current transaction until it ends, so that every node
 * sharing the event store changes one aggregate at a time; and the aggregate's last sequence number as stored once
 * the lock is granted.
 */
public class AggregateStoreLocks {

    /** What {@link #lockAndReadVersion} answers for an aggregate with no event stored yet. */
    public static final long NO_EVENTS = -1;

    private final JdbcClient jdbc;

    public AggregateStoreLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Blocks until this transaction holds the aggregate's lock; then answers its last stored sequence number, or
     * {@link #NO_EVENTS}. Outside a transaction the lock would be released as soon as it was granted.
     */
    public long lockAndReadVersion(String aggregateIdentifier) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an aggregate's store lock is only held inside a transaction");
        }
        Long version = jdbc.sql("SELECT mizani_lock_aggregate(?)")
                .param(aggregateIdentifier)
                .query((row, number) -> row.getObject(1, Long.class))
                .list().getFirst();
        return version == null ? NO_EVENTS : version;
    }
}
