package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Records a payout and reserves its amount plus fee on the wallet, in one unit of work: a payout exists with its
 * money held, or not at all. Insufficient funds are a REJECTED payment, answered at once. The payout saga takes
 * it from the reservation on.
 */
@Component
public class WithdrawalCommandHandler {

    private final Repository<Payment> payments;
    private final WalletLegs wallets;

    public WithdrawalCommandHandler(@Qualifier("paymentRepository") Repository<Payment> payments, WalletLegs wallets) {
        this.payments = payments;
        this.wallets = wallets;
    }

    @CommandHandler
    public PaymentOutcome handle(RequestWithdrawalCommand command) throws Exception {
        Aggregate<Payment> payment = payments.loadOrCreate(command.paymentId().toString(), Payment::new);
        if (payment.invoke(Payment::exists)) {
            return payment.invoke(existing -> existing.outcomeOfRepeat(command.requestHash()));
        }
        payment.execute(created -> created.requestWithdrawal(command));
        Optional<MizaniException> refused = wallets.reserve(command.walletId(), command.paymentId(),
                command.amount().plus(command.fee()));
        if (refused.isPresent()) {
            payment.execute(p -> p.reject(refused.get().code(), refused.get().getMessage()));
        } else {
            payment.execute(Payment::reserved);
        }
        return payment.invoke(Payment::outcome);
    }
}
