package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferStatusUpdate;

import java.time.Instant;
import java.util.UUID;

/** How a transfer finished, set on its row only over an older version. */
record TransferChange(UUID transferId, TransferStatus status, ErrorCode failureCode, String failureReason,
                      Instant finishedAt, long version) {

    TransferChange {
        failureReason = TransferViewRepository.fitted(failureReason);
    }

    static TransferChange completed(TransferCompletedEvent event, long sequence, Instant at) {
        return new TransferChange(event.transferId(), TransferStatus.COMPLETED, null, null, at, sequence);
    }

    static TransferChange rejected(TransferRejectedEvent event, long sequence, Instant at) {
        return new TransferChange(event.transferId(), TransferStatus.REJECTED, event.code(), event.reason(), at,
                sequence);
    }

    static TransferChange failed(TransferFailedEvent event, long sequence, Instant at) {
        return new TransferChange(event.transferId(), TransferStatus.FAILED, event.code(), event.reason(), at,
                sequence);
    }

    TransferStatusUpdate statusUpdate() {
        return new TransferStatusUpdate(transferId, status, finishedAt, failureCode, failureReason, version);
    }
}
