package com.mizani.command.transfer;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import org.axonframework.commandhandling.CommandHandler;
import com.mizani.command.wallet.WalletLocks;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Executes a transfer: debit the source into transit, credit the destination out of transit, and refund the
 * source if the destination refuses. The wallet commands are dispatched inside this command's unit of work,
 * so the transfer and both legs are stored in one transaction: a crash can never leave money in transit.
 */
@Component
public class TransferCommandHandler {

    private final Repository<Transfer> transfers;
    private final WalletLocks locks;
    private final WalletLegs wallets;

    public TransferCommandHandler(@Qualifier("transferRepository") Repository<Transfer> transfers, WalletLocks locks,
                                  WalletLegs wallets) {
        this.transfers = transfers;
        this.locks = locks;
        this.wallets = wallets;
    }

    @CommandHandler
    public TransferOutcome handle(RequestTransferCommand command) throws Exception {
        Aggregate<Transfer> transfer = transfers.loadOrCreate(command.transferId().toString(), Transfer::new);
        if (transfer.invoke(Transfer::exists)) {
            return transfer.invoke(existing -> existing.outcomeOfRepeat(command.requestHash()));
        }
        transfer.execute(created -> created.request(command));
        locks.lockInIdOrder(command.sourceWalletId(), command.destinationWalletId());

        String transit = SystemAccounts.transit(command.amount().currency());
        Optional<MizaniException> debitRefused = wallets.debit(command.sourceWalletId(), command.transferId(),
                command.amount(), PostingKind.TRANSFER_OUT, transit);
        if (debitRefused.isPresent()) {
            transfer.execute(t -> t.reject(debitRefused.get().code(), debitRefused.get().getMessage()));
            return transfer.invoke(Transfer::outcome);
        }

        Optional<MizaniException> creditRefused = wallets.credit(command.destinationWalletId(), command.transferId(),
                command.amount(), PostingKind.TRANSFER_IN, transit);
        if (creditRefused.isPresent()) {
            wallets.refund(command.sourceWalletId(), command.transferId(), command.amount(), transit);
            transfer.execute(t -> t.fail(creditRefused.get().code(), creditRefused.get().getMessage()));
            return transfer.invoke(Transfer::outcome);
        }

        transfer.execute(Transfer::complete);
        return transfer.invoke(Transfer::outcome);
    }
}
