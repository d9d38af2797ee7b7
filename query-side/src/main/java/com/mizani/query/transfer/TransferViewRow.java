package com.mizani.query.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.TransferFx;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.transfer.TransferStatusUpdate;
import com.mizani.kernel.transfer.TransferView;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code transfer_view}: a transfer as it stands.
 *
 * @param failureCode set, like {@code failureReason}, when the transfer was rejected or failed
 * @param finishedAt  when it completed, was rejected or failed; null while REQUESTED
 * @param version     the transfer's last event sequence applied
 * @param fxQuoteId   the quote a cross-currency transfer asked for, and {@code fx} its terms once it converted
 */
public record TransferViewRow(UUID transferId, UUID sourceWalletId, UUID destinationWalletId, Money amount,
                          TransferStatus status, ErrorCode failureCode, String failureReason, Instant requestedAt,
                          Instant finishedAt, long version, UUID fxQuoteId, TransferFx fx) {

    /** A transfer as the event that requested it tells it. */
    static TransferViewRow requested(TransferRequestedEvent event, long sequence, Instant at) {
        return new TransferViewRow(event.transferId(), event.sourceWalletId(), event.destinationWalletId(), event.amount(),
                TransferStatus.REQUESTED, null, null, at, null, sequence, event.fxQuoteId(), null);
    }

    /** When the transfer last changed: when it finished, or was requested while it has not. */
    public Instant updatedAt() {
        return finishedAt == null ? requestedAt : finishedAt;
    }

    public TransferView view() {
        return new TransferView(transferId, sourceWalletId, destinationWalletId, amount.toDecimalString(),
                amount.currency().name(), status, failureCode, failureReason, requestedAt, finishedAt, fxQuoteId, fx);
    }

    /** The transfer's current status: the first event of its live status stream, and each status change. */
    public TransferStatusUpdate statusUpdate() {
        return new TransferStatusUpdate(transferId, status, updatedAt(), failureCode, failureReason, version);
    }
}
