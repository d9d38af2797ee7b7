package com.mizani.command.transfer;

import com.mizani.command.support.ApiLimits;
import com.mizani.command.support.CommandSender;
import com.mizani.command.support.GroupCommit;
import com.mizani.command.support.RequestMetaData;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit for transfers ({@link GroupCommit}): transfers asked for at the same moment are carried out together,
 * up to {@code mizani.api.transfer-group-max-items} on each of {@code transfer-group-lanes} lanes, each group as one
 * {@link TransferGroupCommand} in one unit of work and one database transaction ({@link TransferGroupHandler}). A
 * transfer refused for a reason of its own is that transfer's answer and does not stop the others.
 */
@Component
public class TransferGroupCommit implements DisposableBean {

    private final GroupCommit<RequestTransferCommand, TransferOutcome> groups;

    public TransferGroupCommit(CommandSender commands, RequestMetaData requestMetaData, ApiLimits limits,
                               MeterRegistry meters) {
        this.groups = new GroupCommit<>("transfers", limits.transferGroupLanes(), limits.transferGroupMaxItems(),
                limits.transferGroupLingerMs(), new GroupCommit.Carrier<>() {
            @Override
            public List<GroupCommit.Result<TransferOutcome>> together(List<CommandMessage<RequestTransferCommand>> group) {
                return commands.send(new TransferGroupCommand(group));
            }

            @Override
            public TransferOutcome alone(CommandMessage<RequestTransferCommand> transfer) {
                return commands.send(transfer);
            }
        }, requestMetaData, meters);
    }

    /** Queues the transfer for the next group; the future completes once it is stored, or with its failure. */
    public CompletableFuture<TransferOutcome> submit(RequestTransferCommand transfer) {
        return groups.submit(transfer);
    }

    /** Queues the transfer and waits until it is stored: its outcome, or the failure it met, as thrown. */
    public TransferOutcome carryOut(RequestTransferCommand transfer) {
        return groups.carryOut(transfer);
    }

    @Override
    public void destroy() {
        groups.stop();
    }
}
