package com.mizani.command.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a command from the API and retries it when it lost a race: another node appended to the same
 * aggregate first, or two transfers locked the same wallets in opposite order. A retried command starts
 * from scratch (the failed attempt stored nothing), and the idempotent ids make a retry safe anyway. Retries are
 * counted ({@code mizani.commands.retried}): with the wallets locked in the database they should be rare even with
 * several nodes, and a count that climbs says writers are fighting.
 */
@Component
public class CommandSender {

    private final CommandGateway commands;
    private final int transientRetries;
    private final Semaphore executing;
    private final Semaphore executingCallbacks;
    private final Counter retried;

    public CommandSender(CommandGateway commands, ApiLimits limits, MeterRegistry meters) {
        this.commands = commands;
        this.retried = Counter.builder("mizani.commands.retried")
                .description("commands sent again because they lost a race with another writer")
                .register(meters);
        this.transientRetries = limits.transientRetries();
        this.executing = new Semaphore(limits.maxConcurrentCommands(), true);
        this.executingCallbacks = new Semaphore(
                Math.max(1, Math.min(limits.maxConcurrentCallbackCommands(), limits.maxConcurrentCommands())), true);
    }

    /**
     * Sends the command once a slot is free. The bound keeps commands that wait for a busy wallet's lock from
     * holding every pooled database connection while they wait; the others queue here, holding nothing.
     */
    public <R> R send(Object command) {
        acquire(executing);
        try {
            return sendWithRetries(command);
        } finally {
            executing.release();
        }
    }

    /**
     * Sends a provider callback's command once a slot is free within the callbacks' share of the slots, so that
     * callbacks waiting for one busy wallet (a payroll's source, settling payout after payout) leave the other
     * slots to interactive requests.
     */
    public <R> R sendCallback(Object command) {
        acquire(executingCallbacks);
        try {
            return send(command);
        } finally {
            executingCallbacks.release();
        }
    }

    private static void acquire(Semaphore slots) {
        try {
            slots.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to send a command", interrupted);
        }
    }

    private <R> R sendWithRetries(Object command) {
        for (int attempt = 0; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException failure) {
                if (attempt >= transientRetries || !isTransient(failure)) {
                    throw failure;
                }
                retried.increment();
                backOff(attempt);
            }
        }
    }

    private static boolean isTransient(Throwable failure) {
        // Axon names a conflict after the first event of the failed append: when that event opens an aggregate (a
        // transfer's first), the conflict is reported as the stream's creation failing, whichever stream it was in.
        return Causes.causedBy(failure, ConcurrencyException.class)
                || Causes.causedBy(failure, AggregateStreamCreationException.class)
                || Causes.causedBy(failure, LockAcquisitionFailedException.class)
                || Causes.causedBy(failure, TransientDataAccessException.class);
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a command", interrupted);
        }
    }
}
