package com.mizani.kernel.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.live.StatusUpdate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A status a transfer reached, at the time of the event that set it. {@code failureCode} and {@code failureReason}
 * are set when it was rejected or failed.
 */
public record TransferStatusUpdate(UUID transferId, TransferStatus status, Instant at, ErrorCode failureCode,
                                   String failureReason, long sequence) implements StatusUpdate {

    /** Times to the millisecond, like the transfer's view, so both show the same instant. */
    public TransferStatusUpdate {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(status, "status");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public boolean isFinal() {
        return status.isTerminal();
    }
}
