package com.mizani.command.payment;

import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.PaymentOutcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies a group of provider results in one unit of work. The locks are taken as a single result takes them, the
 * payment's before its wallet's, and in id order across the group: first every payment of the group, lowest id
 * first, then every wallet those payments move money on, lowest id first; then each result's own command is
 * dispatched inside the unit of work. So the settlements of a payroll's payouts, which all capture on its one source
 * wallet, share one lock of it and one commit. All or nothing: any failure rolls the whole group back, and
 * {@link com.mizani.command.support.GroupCommit} then applies its results one by one, each with its own answer.
 */
@Component
class ProviderResultGroupHandler {

    private final CommandGateway commands;
    private final Repository<Payment> payments;

    ProviderResultGroupHandler(CommandGateway commands, @Qualifier("paymentRepository") Repository<Payment> payments) {
        this.commands = commands;
        this.payments = payments;
    }

    @CommandHandler
    List<PaymentOutcome> handle(ProviderResultGroupCommand group, WalletLocks locks) {
        Set<UUID> paymentIds = new TreeSet<>();
        group.results().forEach(result -> paymentIds.add(result.getPayload().paymentId()));
        Set<UUID> wallets = new HashSet<>();
        for (UUID paymentId : paymentIds) {
            try {
                UUID wallet = payments.load(paymentId.toString()).invoke(Payment::walletId);
                if (wallet != null) {
                    wallets.add(wallet);
                }
            } catch (AggregateNotFoundException unknown) {
                // Its own command refuses it (PAYMENT_NOT_FOUND), which fails the group; alone it gets that answer.
            }
        }
        locks.lockInIdOrder(wallets);
        List<PaymentOutcome> outcomes = new ArrayList<>(group.results().size());
        for (CommandMessage<ApplyProviderResultCommand> result : group.results()) {
            outcomes.add(commands.sendAndWait(result));
        }
        return outcomes;
    }
}
