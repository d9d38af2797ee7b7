package com.mizani.kernel.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;
import java.util.UUID;

/**
 * Carries out {@code transfer} as a transfer that cannot exist yet, without first looking for an earlier one under its
 * id (two reads of the event store saved per transfer). Only for a sender that knows the id is new: a payroll batch,
 * whose items past its checkpoint were never paid, because a batch and its checkpoint commit together. Should a
 * transfer of that id exist after all, storing the new one fails and the sender's whole unit of work rolls back.
 */
public record CreateNewTransferCommand(@TargetAggregateIdentifier UUID transferId, RequestTransferCommand transfer) {

    public CreateNewTransferCommand {
        Objects.requireNonNull(transfer, "transfer");
        if (!transfer.transferId().equals(transferId)) {
            throw new IllegalArgumentException("the command's id must be its transfer's");
        }
    }

    public static CreateNewTransferCommand of(RequestTransferCommand transfer) {
        return new CreateNewTransferCommand(transfer.transferId(), transfer);
    }
}
