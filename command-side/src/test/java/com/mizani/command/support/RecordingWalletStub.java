package com.mizani.command.support;

import com.mizani.kernel.wallet.CaptureReservationCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import com.mizani.kernel.wallet.ReleaseReservationCommand;
import com.mizani.kernel.wallet.ReleaseReservedPartCommand;
import com.mizani.kernel.wallet.ReserveFundsCommand;
import org.axonframework.commandhandling.CommandBus;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stands in for the Wallet aggregate on the command bus: records every wallet command it receives (debits, credits,
 * reservations) and answers each with whatever the test scripted (a result, or a thrown exception). Subscribed to an
 * {@code AggregateTestFixture}'s command bus, it receives the wallet legs the handler under test dispatches.
 */
public final class RecordingWalletStub {

    /** How the stub answers a command; returning normally is success, throwing is the wallet's refusal or fault. */
    @FunctionalInterface
    public interface Answer<C> {
        Object answer(C command) throws Exception;
    }

    private final List<Object> received = new ArrayList<>();
    private Answer<DebitWalletCommand> onDebit = command -> null;
    private Answer<CreditWalletCommand> onCredit = command -> null;
    private Answer<ReserveFundsCommand> onReserve = command -> null;

    private RecordingWalletStub() {
    }

    /**
     * Subscribes a stub that accepts every wallet command until told otherwise, under each command's name (its class
     * name), as Axon routes commands.
     */
    public static RecordingWalletStub subscribedTo(CommandBus commandBus) {
        RecordingWalletStub stub = new RecordingWalletStub();
        commandBus.subscribe(DebitWalletCommand.class.getName(), message -> {
            DebitWalletCommand command = (DebitWalletCommand) message.getPayload();
            stub.received.add(command);
            return stub.onDebit.answer(command);
        });
        commandBus.subscribe(CreditWalletCommand.class.getName(), message -> {
            CreditWalletCommand command = (CreditWalletCommand) message.getPayload();
            stub.received.add(command);
            return stub.onCredit.answer(command);
        });
        commandBus.subscribe(ReserveFundsCommand.class.getName(), message -> {
            ReserveFundsCommand command = (ReserveFundsCommand) message.getPayload();
            stub.received.add(command);
            return stub.onReserve.answer(command);
        });
        for (Class<?> type : new Class<?>[]{ReleaseReservationCommand.class, ReleaseReservedPartCommand.class,
                CaptureReservationCommand.class}) {
            commandBus.subscribe(type.getName(), message -> {
                stub.received.add(message.getPayload());
                return null;
            });
        }
        return stub;
    }

    public RecordingWalletStub onReserve(Answer<ReserveFundsCommand> answer) {
        this.onReserve = answer;
        return this;
    }

    public RecordingWalletStub onDebit(Answer<DebitWalletCommand> answer) {
        this.onDebit = answer;
        return this;
    }

    public RecordingWalletStub onCredit(Answer<CreditWalletCommand> answer) {
        this.onCredit = answer;
        return this;
    }

    /** Every wallet command received, debits and credits, in the order they were dispatched. */
    public List<Object> received() {
        return List.copyOf(received);
    }

    public <C> List<C> received(Class<C> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Answers that throw {@code failure}, as a refusing or failing wallet would. */
    public static <C> Answer<C> throwing(Exception failure) {
        return command -> {
            throw failure;
        };
    }

    /** Answers by function of the command, for tests that refuse only some of them. */
    public static <C> Answer<C> answering(Function<C, Object> answer) {
        return answer::apply;
    }
}
