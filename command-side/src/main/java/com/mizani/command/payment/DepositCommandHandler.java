package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.RecordDepositCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Records a deposit and credits the wallet from the provider's settlement account, in one unit of work:
 * the payment record and the credit are stored together or not at all.
 */
@Component
public class DepositCommandHandler {

    private final Repository<Payment> payments;
    private final WalletLegs wallets;

    public DepositCommandHandler(@Qualifier("paymentRepository") Repository<Payment> payments, WalletLegs wallets) {
        this.payments = payments;
        this.wallets = wallets;
    }

    @CommandHandler
    public PaymentOutcome handle(RecordDepositCommand command) throws Exception {
        Aggregate<Payment> payment = payments.loadOrCreate(command.paymentId().toString(), Payment::new);
        if (payment.invoke(Payment::exists)) {
            return payment.invoke(existing -> existing.outcomeOfRepeat(command.requestHash()));
        }
        payment.execute(created -> created.requestDeposit(command));

        String settlement = SystemAccounts.providerSettlement(command.method().provider(),
                command.amount().currency());
        Optional<MizaniException> refused = wallets.credit(command.walletId(), command.paymentId(), command.amount(),
                PostingKind.DEPOSIT, settlement);
        if (refused.isPresent()) {
            payment.execute(p -> p.reject(refused.get().code(), refused.get().getMessage()));
        } else {
            payment.execute(Payment::settle);
        }
        return payment.invoke(Payment::outcome);
    }
}
