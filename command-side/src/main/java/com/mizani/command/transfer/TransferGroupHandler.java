package com.mizani.command.transfer;

import com.mizani.command.support.GroupCommit;
import com.mizani.command.support.Refusals;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Carries out a group of transfers in one unit of work: first every wallet of the group is locked, lowest id first,
 * then each transfer's command is dispatched inside it, as a transfer dispatches its wallet legs. So the whole group
 * is one database transaction and one append of all its events, and it commits or rolls back as one. A transfer
 * refused for a reason of its own (its key reused with another request) is that transfer's answer and does not stop
 * the others; any other failure rolls the whole group back, and {@link GroupCommit} then carries out its transfers
 * one by one.
 */
@Component
class TransferGroupHandler {

    private final CommandGateway commands;

    TransferGroupHandler(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    List<GroupCommit.Result<TransferOutcome>> handle(TransferGroupCommand group, WalletLocks locks) {
        List<UUID> wallets = new ArrayList<>();
        for (CommandMessage<RequestTransferCommand> transfer : group.transfers()) {
            wallets.add(transfer.getPayload().sourceWalletId());
            wallets.add(transfer.getPayload().destinationWalletId());
        }
        locks.lockInIdOrder(wallets);
        List<GroupCommit.Result<TransferOutcome>> results = new ArrayList<>(group.transfers().size());
        for (CommandMessage<RequestTransferCommand> transfer : group.transfers()) {
            results.add(carryOut(transfer));
        }
        return results;
    }

    private GroupCommit.Result<TransferOutcome> carryOut(CommandMessage<RequestTransferCommand> transfer) {
        try {
            return GroupCommit.Result.of(commands.<TransferOutcome>sendAndWait(transfer));
        } catch (RuntimeException failure) {
            if (Refusals.codeOf(failure).isEmpty()) {
                throw failure;
            }
            return new GroupCommit.Result<>(null, failure);
        }
    }
}
