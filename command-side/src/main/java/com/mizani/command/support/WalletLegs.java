package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.fx.FxLeg;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.CaptureReservationCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import com.mizani.kernel.wallet.ReleaseReservationCommand;
import com.mizani.kernel.wallet.ReleaseReservedPartCommand;
import com.mizani.kernel.wallet.ReserveFundsCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Dispatches the wallet legs of a money movement from inside another command's unit of work. A business
 * refusal comes back as a value, so the caller can record it; any other failure propagates and rolls the
 * whole unit of work back.
 */
@Component
public class WalletLegs {

    private final CommandGateway commands;

    public WalletLegs(CommandGateway commands) {
        this.commands = commands;
    }

    public Optional<MizaniException> debit(UUID walletId, UUID transactionId, Money amount, PostingKind kind,
                                           String contraAccount) {
        return refusalOf(new DebitWalletCommand(walletId, transactionId, amount, kind, contraAccount), walletId);
    }

    public Optional<MizaniException> credit(UUID walletId, UUID transactionId, Money amount, PostingKind kind,
                                            String contraAccount) {
        return credit(walletId, transactionId, amount, kind, contraAccount, null);
    }

    /** A credit that is a leg of a conversion ({@code fx}), or of none (null). */
    public Optional<MizaniException> credit(UUID walletId, UUID transactionId, Money amount, PostingKind kind,
                                            String contraAccount, FxLeg fx) {
        return refusalOf(new CreditWalletCommand(walletId, transactionId, amount, kind, contraAccount, fx), walletId);
    }

    /** Gives money back to a wallet it has just left; a refund that cannot land is a fault, never a refusal. */
    public void refund(UUID walletId, UUID transactionId, Money amount, String contraAccount) {
        credit(walletId, transactionId, amount, PostingKind.REVERSAL, contraAccount).ifPresent(refusal -> {
            throw new IllegalStateException("refund to wallet " + walletId + " refused: " + refusal.getMessage(), refusal);
        });
    }

    public Optional<MizaniException> reserve(UUID walletId, UUID reservationId, Money amount) {
        return refusalOf(new ReserveFundsCommand(walletId, reservationId, amount), walletId);
    }

    /** Releasing what was reserved can never be refused: the money is the customer's. */
    public void release(UUID walletId, UUID reservationId) {
        commands.sendAndWait(new ReleaseReservationCommand(walletId, reservationId));
    }

    /** Releasing part of a reservation can never be refused either; more than it holds is a fault. */
    public void releasePart(UUID walletId, UUID reservationId, Money amount) {
        commands.sendAndWait(new ReleaseReservedPartCommand(walletId, reservationId, amount));
    }

    /** Capturing what was reserved can never be refused: the provider has already paid it out. */
    public void capture(UUID walletId, UUID reservationId, List<CaptureReservationCommand.Capture> captures) {
        commands.sendAndWait(new CaptureReservationCommand(walletId, reservationId, captures));
    }

    private Optional<MizaniException> refusalOf(Object command, UUID walletId) {
        try {
            commands.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException failure) {
            if (Causes.causedBy(failure, AggregateNotFoundException.class)) {
                return Optional.of(new MizaniException(ErrorCode.WALLET_NOT_FOUND, "wallet " + walletId + " does not exist"));
            }
            Optional<ErrorCode> code = Refusals.codeOf(failure);
            if (code.isEmpty()) {
                throw failure;
            }
            return Optional.of(new MizaniException(code.get(), Refusals.messageOf(failure)));
        }
    }
}
