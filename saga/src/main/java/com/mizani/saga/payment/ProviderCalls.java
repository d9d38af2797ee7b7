package com.mizani.saga.payment;

import com.mizani.saga.provider.ProviderGateway;
import com.mizani.saga.provider.SubmitAnswer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The payment sagas' provider I/O, run after the transaction that decided it commits. A saga handler records its
 * intent (its own state and a persistent deadline) in the event processor's transaction, which holds row locks and
 * a pooled connection; the HTTP request waits for the provider on a thread of its own, holding neither, and
 * records what the provider answered by sending the answer's commands from that thread, as a new unit of work.
 *
 * <p>Nothing runs if the deciding transaction rolls back: the event is handled again and decides again, so a
 * money request is never sent for a decision that was not recorded. At most {@code maxInFlight} calls run at once
 * (the provider is not flooded); when all are taken, the thread that committed waits for one, which slows the
 * processor down rather than queueing calls without bound.
 *
 * <p>What is not run, or whose answer is not recorded (a crash, a failed command, shutdown), is left to the saga's
 * deadline, which asks the provider for the payment's status: never to a second money request.
 */
public class ProviderCalls {

    /** The result code of a money request that was decided but never sent: a definitive not-paid. */
    public static final String NOT_SENT = "NOT_SENT";
    private static final Logger log = LoggerFactory.getLogger(ProviderCalls.class);

    private final ProviderGateway provider;
    private final CommandGateway commands;
    private final int maxInFlight;
    private final Semaphore inFlight;
    private final Executor executor;
    private final Clock clock;
    private volatile boolean closed;

    /** Each call on a virtual thread of its own. */
    public ProviderCalls(ProviderGateway provider, CommandGateway commands, int maxInFlight) {
        this(provider, commands, maxInFlight, virtualThreads(), Clock.systemUTC());
    }

    /** With the executor and clock of a test: {@code Runnable::run} runs each call as its transaction commits. */
    public ProviderCalls(ProviderGateway provider, CommandGateway commands, int maxInFlight, Executor executor,
                         Clock clock) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("at least one provider call must be allowed in flight");
        }
        this.provider = provider;
        this.commands = commands;
        this.maxInFlight = maxInFlight;
        this.inFlight = new Semaphore(maxInFlight, true);
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Sends a payment's one money request once the current unit of work commits, and records the provider's
     * synchronous answer with the command {@code record} makes of it. A request that cannot start within
     * {@code startWithin} of this decision is not sent at all and is recorded as {@link #NOT_SENT}: by then the
     * saga's deadline may already have asked for the status, and a payout sent after a "no such payout" answer
     * could be paid after the payment failed.
     */
    public void requestOnce(UUID paymentId, Duration startWithin, Function<ProviderGateway, SubmitAnswer> request,
                            Function<SubmitAnswer, ?> record) {
        Instant startBy = clock.instant().plus(startWithin);
        afterCommit(paymentId, "money request", gateway -> {
            SubmitAnswer answer = clock.instant().isAfter(startBy)
                    ? new SubmitAnswer.Refused(NOT_SENT, "not sent: it could not start within "
                    + startWithin.toMillis() + " ms of the decision")
                    : request.apply(gateway);
            return List.of(record.apply(answer));
        });
    }

    /**
     * Asks the provider something once the current unit of work commits; {@code question} calls the provider and
     * answers the commands that record what it said, sent in that order.
     */
    public void ask(UUID paymentId, Function<ProviderGateway, List<?>> question) {
        afterCommit(paymentId, "question", question);
    }

    /**
     * Takes no more calls and waits up to {@code wait} for those in flight, so that their answers are recorded.
     * Called once the event processors and deadlines have stopped, before the command bus does; a call still
     * running after the wait is left to its deadline. True if none was left.
     */
    public boolean finishInFlight(Duration wait) {
        closed = true;
        try {
            if (inFlight.tryAcquire(maxInFlight, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                inFlight.release(maxInFlight);
                log.debug("no provider call left in flight");
                return true;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        log.warn("{} provider calls still running after {} ms; their payments' deadlines will ask the provider",
                maxInFlight - inFlight.availablePermits(), wait.toMillis());
        return false;
    }

    private static Executor virtualThreads() {
        ThreadFactory threads = Thread.ofVirtual().name("provider-call-", 0).factory();
        return call -> threads.newThread(call).start();
    }

    private void afterCommit(UUID paymentId, String what, Function<ProviderGateway, List<?>> call) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("a provider call is decided in a unit of work and runs after it commits");
        }
        UnitOfWork<?> deciding = CurrentUnitOfWork.get();
        // The commands recording the answer carry the actor and trace of the message that decided the call, as
        // they did when they were sent from inside its handler.
        MetaData correlation = deciding.getCorrelationData();
        deciding.afterCommit(committed -> start(paymentId, what, call, correlation));
    }

    private void start(UUID paymentId, String what, Function<ProviderGateway, List<?>> call, MetaData correlation) {
        if (closed) {
            log.warn("{} for payment {} not started: shutting down; its deadline will ask the provider", what, paymentId);
            return;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            log.warn("{} for payment {} not started: interrupted; its deadline will ask the provider", what, paymentId);
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    run(paymentId, what, call, correlation);
                } finally {
                    inFlight.release();
                }
            });
        } catch (RejectedExecutionException rejected) {
            inFlight.release();
            log.warn("{} for payment {} not started: {}; its deadline will ask the provider", what, paymentId,
                    rejected.toString());
        }
    }

    private void run(UUID paymentId, String what, Function<ProviderGateway, List<?>> call, MetaData correlation) {
        List<?> answer;
        try {
            answer = call.apply(provider);
        } catch (RuntimeException failed) {
            log.warn("{} for payment {} failed: {}; its deadline will ask the provider", what, paymentId, failed.toString());
            return;
        }
        for (Object command : answer) {
            try {
                commands.sendAndWait(command, correlation);
            } catch (RuntimeException notRecorded) {
                log.warn("the answer to the {} for payment {} was not recorded ({}): {}; its deadline will ask the "
                        + "provider", what, paymentId, command.getClass().getSimpleName(), notRecorded.toString());
            }
        }
    }
}
