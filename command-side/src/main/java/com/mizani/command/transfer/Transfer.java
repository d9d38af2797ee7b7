package com.mizani.command.transfer;

import com.mizani.command.support.IdempotentCreation;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One transfer between two wallets: debit the source into transit, credit the destination out of transit, and refund
 * the source if the destination refuses. Its id is derived from the client's idempotency key, so it is also the
 * idempotency record: a repeated request finds it and gets its outcome instead of moving money again. The wallet
 * commands are dispatched inside this command's unit of work, so the transfer and both legs are stored in one
 * transaction: a crash can never leave money in transit.
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

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    TransferOutcome handle(RequestTransferCommand command, WalletLocks locks, WalletLegs wallets) {
        if (transferId != null) {
            IdempotentCreation.requireSamePayload(requestHash, command.requestHash(), "transfer");
            return outcome();
        }
        apply(new TransferRequestedEvent(command.transferId(), command.sourceWalletId(),
                command.destinationWalletId(), command.amount(), command.requestHash()));
        locks.lockInIdOrder(List.of(sourceWalletId, destinationWalletId));

        String transit = SystemAccounts.transit(amount.currency());
        Optional<MizaniException> debitRefused = wallets.debit(sourceWalletId, transferId, amount,
                PostingKind.TRANSFER_OUT, transit);
        if (debitRefused.isPresent()) {
            apply(new TransferRejectedEvent(transferId, debitRefused.get().code(), debitRefused.get().getMessage()));
            return outcome();
        }
        Optional<MizaniException> creditRefused = wallets.credit(destinationWalletId, transferId, amount,
                PostingKind.TRANSFER_IN, transit);
        if (creditRefused.isPresent()) {
            wallets.refund(sourceWalletId, transferId, amount, transit);
            apply(new TransferFailedEvent(transferId, creditRefused.get().code(), creditRefused.get().getMessage()));
            return outcome();
        }
        apply(new TransferCompletedEvent(transferId));
        return outcome();
    }

    private TransferOutcome outcome() {
        return new TransferOutcome(transferId, sourceWalletId, destinationWalletId, amount, status, failureCode,
                failureReason, requestedAt, finishedAt);
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
