package com.mizani.command.transfer;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.RequestMetaData;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for transfers. Transfers asked for at the same moment wait in one queue; each of a few lanes takes
 * what is waiting (up to {@code mizani.api.transfer-group-max-items}, after waiting up to
 * {@code transfer-group-linger-ms} for more) and carries it out as one group, in one unit of work and one database
 * transaction ({@link TransferGroupHandler}). Under load the groups grow by themselves while the lanes are busy, so
 * the cost of a commit is shared; an idle ledger carries out a lone transfer at once. Each transfer keeps its own
 * outcome, and its future completes only after the group's commit, so no answer tells of a transfer that is not
 * stored. A group that fails as a whole (nothing of it is stored) is carried out again one transfer at a time, each
 * with its own outcome or failure.
 */
@Component
public class TransferGroupCommit implements DisposableBean {

    /** A transfer as its request sent it: the command with the request's metadata, taken on the request's thread. */
    private record Waiting(CommandMessage<RequestTransferCommand> transfer, CompletableFuture<TransferOutcome> outcome) {
    }

    private final CommandSender commands;
    private final RequestMetaData requestMetaData;
    private final int maxItems;
    private final long lingerNanos;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> lanes = new ArrayList<>();
    private final DistributionSummary groupSizes;

    public TransferGroupCommit(CommandSender commands, RequestMetaData requestMetaData, ApiLimits limits,
                               MeterRegistry meters) {
        this.commands = commands;
        this.requestMetaData = requestMetaData;
        this.groupSizes = DistributionSummary.builder("mizani.transfers.group.size")
                .description("transfers carried out together in one database transaction")
                .register(meters);
        this.maxItems = limits.transferGroupMaxItems();
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(limits.transferGroupLingerMs());
        for (int lane = 0; lane < limits.transferGroupLanes(); lane++) {
            lanes.add(Thread.ofPlatform().name("transfer-group-" + lane).daemon().start(this::runLane));
        }
    }

    /** Queues the transfer for the next group; the future completes once it is stored, or with its failure. */
    public CompletableFuture<TransferOutcome> submit(RequestTransferCommand transfer) {
        CommandMessage<RequestTransferCommand> message =
                GenericCommandMessage.<RequestTransferCommand>asCommandMessage(transfer).andMetaData(requestMetaData.current());
        Waiting waiting = new Waiting(message, new CompletableFuture<>());
        queue.add(waiting);
        return waiting.outcome();
    }

    /** Queues the transfer and waits until it is stored: its outcome, or the failure it met, as thrown. */
    public TransferOutcome carryOut(RequestTransferCommand transfer) {
        try {
            return submit(transfer).get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a transfer", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        }
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

    private List<Waiting> nextGroup() throws InterruptedException {
        List<Waiting> group = new ArrayList<>();
        group.add(queue.take());
        queue.drainTo(group, maxItems - group.size());
        long deadline = System.nanoTime() + lingerNanos;
        while (group.size() < maxItems) {
            Waiting next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            group.add(next);
            queue.drainTo(group, maxItems - group.size());
        }
        return group;
    }

    private void carryOut(List<Waiting> group) {
        groupSizes.record(group.size());
        if (group.size() == 1) {
            alone(group.getFirst());
            return;
        }
        List<TransferGroupResult> results;
        try {
            results = commands.send(new TransferGroupCommand(group.stream().map(Waiting::transfer).toList()));
        } catch (RuntimeException groupFailed) {
            group.forEach(this::alone);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            TransferGroupResult result = results.get(i);
            if (result.refusal() == null) {
                group.get(i).outcome().complete(result.outcome());
            } else {
                group.get(i).outcome().completeExceptionally(result.refusal());
            }
        }
    }

    private void alone(Waiting waiting) {
        try {
            waiting.outcome().complete(commands.send(waiting.transfer()));
        } catch (RuntimeException failure) {
            waiting.outcome().completeExceptionally(failure);
        }
    }

    @Override
    public void destroy() {
        lanes.forEach(Thread::interrupt);
    }
}
