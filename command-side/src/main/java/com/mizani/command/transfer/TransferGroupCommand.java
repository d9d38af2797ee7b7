package com.mizani.command.transfer;

import com.mizani.kernel.transfer.RequestTransferCommand;

import java.util.List;

/** Transfers carried out together, in one unit of work and one database transaction ({@link TransferGroupHandler}). */
record TransferGroupCommand(List<RequestTransferCommand> transfers) {
}
