package com.mizani.command.transfer;

import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.transfer.TransferOutcome;

import java.util.UUID;

/** A refusal by the source wallet; the problem it becomes names the transfer so the client can look it up. */
public final class TransferRejected extends MizaniException {

    private final UUID transferId;

    TransferRejected(TransferOutcome outcome) {
        super(outcome.failureCode(), outcome.failureReason());
        this.transferId = outcome.transferId();
    }

    public UUID transferId() {
        return transferId;
    }
}
