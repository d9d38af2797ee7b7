package com.mizani.command.transfer;

import com.mizani.kernel.transfer.RequestTransferCommand;
import org.axonframework.commandhandling.CommandMessage;

import java.util.List;

/**
 * Transfers carried out together, in one unit of work and one database transaction ({@link TransferGroupHandler}).
 * Each is the message its request would have sent, with that request's metadata (who asked), so that it is handled
 * and audited as its own conversation, not as a part of the group's.
 */
record TransferGroupCommand(List<CommandMessage<RequestTransferCommand>> transfers) {
}
