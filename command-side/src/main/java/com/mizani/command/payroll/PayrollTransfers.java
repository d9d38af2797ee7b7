package com.mizani.command.payroll;

import com.mizani.command.support.Refusals;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.CreateNewTransferCommand;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferStatus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Dispatches the transfer of one payroll item from inside the job's unit of work, as a transfer dispatches its wallet
 * legs. The transfer's id is derived from the job and the item's index, so an item can only ever be one transfer.
 */
@Component
public class PayrollTransfers {

    private final CommandGateway commands;

    public PayrollTransfers(CommandGateway commands) {
        this.commands = commands;
    }

    /** The item's transfer: stable across retries, resumes and nodes. */
    public static UUID transferIdOf(UUID jobId, int index) {
        return IdempotencyKeys.deriveId("payroll-item", jobId.toString(), Integer.toString(index));
    }

    /**
     * Pays the item; empty when its transfer completed, else the code it was refused with. A refusal (the source
     * frozen, the destination closed...) is the item's result; any other failure rolls the whole batch back.
     */
    public Optional<ErrorCode> pay(UUID jobId, int index, UUID source, UUID destination, Money amount) {
        RequestTransferCommand transfer = new RequestTransferCommand(transferIdOf(jobId, index), source, destination,
                amount, IdempotencyKeys.fingerprint("payroll", jobId, index, source, destination, amount.amountMinor(),
                amount.currency()));
        try {
            // New by construction: a batch and its checkpoint commit together, so no item past it was ever paid.
            TransferOutcome outcome = commands.sendAndWait(CreateNewTransferCommand.of(transfer));
            return outcome.status() == TransferStatus.COMPLETED
                    ? Optional.empty() : Optional.of(outcome.failureCode());
        } catch (RuntimeException failure) {
            Optional<ErrorCode> code = Refusals.codeOf(failure);
            if (code.isEmpty()) {
                throw failure;
            }
            return code;
        }
    }
}
