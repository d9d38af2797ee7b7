package com.mizani.command.transfer;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One transfer between two wallets. Its id is derived from the client's idempotency key, so it is also the
 * idempotency record: a repeated request finds it and gets its outcome instead of moving money again.
 * {@link TransferCommandHandler} drives it together with the two wallets in one unit of work.
 */
@Aggregate
public class Transfer {

    @AggregateIdentifier
    private UUID transferId;
    private UUID sourceWalletId;
    private UUID destinationWalletId;
    private Money amount;
    private String requestHash;
    private TransferStatus status;
    private ErrorCode failureCode;
    private String failureReason;
    private Instant requestedAt;
    private Instant finishedAt;

    protected Transfer() {
        // Required by Axon to rebuild the transfer from its events.
    }

    boolean exists() {
        return transferId != null;
    }

    void request(RequestTransferCommand command) {
        apply(new TransferRequestedEvent(command.transferId(), command.sourceWalletId(),
                command.destinationWalletId(), command.amount(), command.requestHash()));
    }

    /** The answer to a repeated request: the original outcome, or a conflict if the payload differs. */
    TransferOutcome outcomeOfRepeat(String repeatedRequestHash) {
        if (!requestHash.equals(repeatedRequestHash)) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different transfer");
        }
        return outcome();
    }

    void reject(ErrorCode code, String reason) {
        requireStatus(TransferStatus.REQUESTED);
        apply(new TransferRejectedEvent(transferId, code, reason));
    }

    void fail(ErrorCode code, String reason) {
        requireStatus(TransferStatus.REQUESTED);
        apply(new TransferFailedEvent(transferId, code, reason));
    }

    void complete() {
        requireStatus(TransferStatus.REQUESTED);
        apply(new TransferCompletedEvent(transferId));
    }

    TransferOutcome outcome() {
        return new TransferOutcome(transferId, sourceWalletId, destinationWalletId, amount, status, failureCode,
                failureReason, requestedAt, finishedAt);
    }

    private void requireStatus(TransferStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("transfer %s is %s, not %s".formatted(transferId, status, expected));
        }
    }

    @EventSourcingHandler
    void on(TransferRequestedEvent event, @Timestamp Instant at) {
        transferId = event.transferId();
        sourceWalletId = event.sourceWalletId();
        destinationWalletId = event.destinationWalletId();
        amount = event.amount();
        requestHash = event.requestHash();
        status = TransferStatus.REQUESTED;
        requestedAt = at;
    }

    @EventSourcingHandler
    void on(TransferRejectedEvent event, @Timestamp Instant at) {
        status = TransferStatus.REJECTED;
        failureCode = event.code();
        failureReason = event.reason();
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(TransferFailedEvent event, @Timestamp Instant at) {
        status = TransferStatus.FAILED;
        failureCode = event.code();
        failureReason = event.reason();
        finishedAt = at;
    }

    @EventSourcingHandler
    void on(TransferCompletedEvent event, @Timestamp Instant at) {
        status = TransferStatus.COMPLETED;
        finishedAt = at;
    }
}
