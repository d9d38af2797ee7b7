package com.mizani.command.payment;

import com.mizani.command.wallet.WalletChecks;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.RequestMobileDepositCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Records an STK push deposit after asking the wallet whether it would take the money, so that a push is never
 * sent for a wallet that would refuse it. The deposit saga sends the push; the verified callback credits.
 */
@Component
public class MobileDepositCommandHandler {

    private final Repository<Payment> payments;
    private final WalletChecks wallets;

    public MobileDepositCommandHandler(@Qualifier("paymentRepository") Repository<Payment> payments,
                                       WalletChecks wallets) {
        this.payments = payments;
        this.wallets = wallets;
    }

    @CommandHandler
    public PaymentOutcome handle(RequestMobileDepositCommand command) throws Exception {
        Aggregate<Payment> payment = payments.loadOrCreate(command.paymentId().toString(), Payment::new);
        if (payment.invoke(Payment::exists)) {
            return payment.invoke(existing -> existing.outcomeOfRepeat(command.requestHash()));
        }
        payment.execute(created -> created.requestMobileDeposit(command));
        Optional<MizaniException> refused = wallets.refusalOfCredit(command.walletId(), command.amount());
        if (refused.isPresent()) {
            payment.execute(p -> p.reject(refused.get().code(), refused.get().getMessage()));
        } else {
            payment.execute(Payment::acceptMobileDeposit);
        }
        return payment.invoke(Payment::outcome);
    }
}
