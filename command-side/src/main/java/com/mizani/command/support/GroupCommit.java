package com.mizani.command.support;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit. Commands sent at the same moment wait in one queue; each of a few lanes takes what is waiting (up to
 * {@code maxItems}, after waiting up to {@code lingerMs} for more) and hands it to its {@link Carrier} as one group,
 * to be carried out in one unit of work and one database transaction. Under load the groups grow by themselves while
 * the lanes are busy, so the cost of a commit (and of a busy wallet's lock) is shared; when idle a lone command is
 * carried out at once. Each command keeps its own outcome, and its future completes only after the group's commit,
 * so no answer tells of a command that is not stored. A group that fails as a whole (nothing of it is stored) is
 * carried out again one command at a time, each with its own outcome or failure.
 *
 * @param <C> the command's payload
 * @param <R> its outcome
 */
public final class GroupCommit<C, R> {

    /** How a group, and a command alone, are carried out. */
    public interface Carrier<C, R> {

        /** The group in one unit of work: one result per command, in order; throws if nothing of it was stored. */
        List<Result<R>> together(List<CommandMessage<C>> group);

        /** One command on its own. */
        R alone(CommandMessage<C> command);
    }

    /**
     * What one command of a group came to: its outcome, or the refusal its command was answered with (a repeated key
     * with another request, say), exactly as the command alone would have been answered.
     */
    public record Result<R>(R outcome, RuntimeException refusal) {

        public static <R> Result<R> of(R outcome) {
            return new Result<>(outcome, null);
        }
    }

    /** A command as its request sent it: the message with the request's metadata, taken on the request's thread. */
    private record Waiting<C, R>(CommandMessage<C> command, CompletableFuture<R> outcome) {
    }

    private final Carrier<C, R> carrier;
    private final RequestMetaData requestMetaData;
    private final int maxItems;
    private final long lingerNanos;
    private final BlockingQueue<Waiting<C, R>> queue = new LinkedBlockingQueue<>();
    private final List<Thread> lanes = new ArrayList<>();
    private final DistributionSummary groupSizes;

    /**
     * @param name  names the lanes' threads and the group-size metric, {@code mizani.<name>.group.size}
     * @param lanes groups carried out at once
     */
    public GroupCommit(String name, int lanes, int maxItems, long lingerMs, Carrier<C, R> carrier,
                       RequestMetaData requestMetaData, MeterRegistry meters) {
        this.carrier = carrier;
        this.requestMetaData = requestMetaData;
        this.maxItems = Math.max(1, maxItems);
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMs);
        this.groupSizes = DistributionSummary.builder("mizani." + name + ".group.size")
                .description(name + " carried out together in one database transaction")
                .register(meters);
        for (int lane = 0; lane < Math.max(1, lanes); lane++) {
            this.lanes.add(Thread.ofPlatform().name(name + "-group-" + lane).daemon().start(this::runLane));
        }
    }

    /** Queues the command for the next group; the future completes once it is stored, or with its failure. */
    public CompletableFuture<R> submit(C command) {
        CommandMessage<C> message = GenericCommandMessage.<C>asCommandMessage(command)
                .andMetaData(requestMetaData.current());
        Waiting<C, R> waiting = new Waiting<>(message, new CompletableFuture<>());
        queue.add(waiting);
        return waiting.outcome();
    }

    /** Queues the command and waits until it is stored: its outcome, or the failure it met, as thrown. */
    public R carryOut(C command) {
        try {
            return submit(command).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a command's group", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
    }

    public void stop() {
        lanes.forEach(Thread::interrupt);
    }

    private void runLane() {
        try {
            while (true) {
                carryOut(nextGroup());
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Waiting<C, R>> nextGroup() throws InterruptedException {
        List<Waiting<C, R>> group = new ArrayList<>();
        group.add(queue.take());
        queue.drainTo(group, maxItems - group.size());
        long deadline = System.nanoTime() + lingerNanos;
        while (group.size() < maxItems) {
            Waiting<C, R> next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            group.add(next);
            queue.drainTo(group, maxItems - group.size());
        }
        return group;
    }

    private void carryOut(List<Waiting<C, R>> group) {
        groupSizes.record(group.size());
        if (group.size() == 1) {
            alone(group.getFirst());
            return;
        }
        List<Result<R>> results;
        try {
            results = carrier.together(group.stream().map(Waiting::command).toList());
        } catch (RuntimeException groupFailed) {
            group.forEach(this::alone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            Result<R> result = results.get(i);
            if (result.refusal() == null) {
                group.get(i).outcome().complete(result.outcome());
            } else {
                group.get(i).outcome().completeExceptionally(result.refusal());
            }
        }
    }

    private void alone(Waiting<C, R> waiting) {
        try {
            waiting.outcome().complete(carrier.alone(waiting.command()));
        } catch (RuntimeException failure) {
            waiting.outcome().completeExceptionally(failure);
        }
    }
}
