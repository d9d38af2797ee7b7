package com.mizani.command.wallet;

import com.mizani.command.support.IdempotentCreation;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.CaptureReservationCommand;
import com.mizani.kernel.wallet.CloseWalletCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import com.mizani.kernel.wallet.FreezeWalletCommand;
import com.mizani.kernel.wallet.FundsReservedEvent;
import com.mizani.kernel.wallet.OpenWalletCommand;
import com.mizani.kernel.wallet.ReleaseReservationCommand;
import com.mizani.kernel.wallet.ReleaseReservedPartCommand;
import com.mizani.kernel.wallet.ReservationCapturedEvent;
import com.mizani.kernel.wallet.ReservationReleasedEvent;
import com.mizani.kernel.wallet.ReserveFundsCommand;
import com.mizani.kernel.wallet.ReservedPartReleasedEvent;
import com.mizani.kernel.wallet.UnfreezeWalletCommand;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletState;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer wallet: one currency, and the invariant that neither its available nor its held balance is
 * ever negative. Every money movement is a command here, so the invariant is decided in one place.
 */
@Aggregate(repository = "walletRepository")
public class Wallet {

    /** Far below Long.MAX_VALUE, so no sum of balances in any view can overflow. */
    static final long MAX_BALANCE_MINOR = 1_000_000_000_000_000L;

    @AggregateIdentifier
    private UUID walletId;
    private UUID ownerId;
    private CurrencyCode currency;
    private WalletStatus status;
    private long availableMinor;
    private long heldMinor;
    private String requestHash;
    private long version;
    /** Open reservations by id, in minor units; their sum is {@code heldMinor}. */
    private Map<UUID, Long> reservations = new HashMap<>();

    protected Wallet() {
        // Required by Axon to rebuild the wallet from its events.
    }

    /** Opening is idempotent: a repeated request with the same fingerprint returns the wallet it opened. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public WalletState handle(OpenWalletCommand command) {
        if (walletId != null) {
            IdempotentCreation.requireSamePayload(requestHash, command.requestHash(), "wallet request");
            return state();
        }
        apply(new WalletOpenedEvent(command.walletId(), command.ownerId(), command.currency(), command.requestHash()));
        return state();
    }

    @CommandHandler
    public WalletState handle(FreezeWalletCommand command) {
        requireNotClosed();
        if (status == WalletStatus.ACTIVE) {
            apply(new WalletFrozenEvent(walletId));
        }
        return state();
    }

    @CommandHandler
    public WalletState handle(UnfreezeWalletCommand command) {
        requireNotClosed();
        if (status == WalletStatus.FROZEN) {
            apply(new WalletUnfrozenEvent(walletId));
        }
        return state();
    }

    @CommandHandler
    public WalletState handle(CloseWalletCommand command) {
        if (status == WalletStatus.CLOSED) {
            return state();
        }
        if (availableMinor != 0 || heldMinor != 0) {
            throw new MizaniException(ErrorCode.WALLET_NOT_EMPTY,
                    "a wallet can close only at a zero balance; it holds " + Money.of(availableMinor + heldMinor, currency));
        }
        apply(new WalletClosedEvent(walletId));
        return state();
    }

    @CommandHandler
    public WalletState handle(CreditWalletCommand command) {
        requireCurrency(command.amount());
        requireMovable(command.kind());
        long amount = command.amount().amountMinor();
        if (amount > MAX_BALANCE_MINOR - availableMinor - heldMinor) {
            throw new MizaniException(ErrorCode.BALANCE_LIMIT_EXCEEDED, "the wallet would exceed its balance limit");
        }
        apply(new WalletCreditedEvent(walletId, command.transactionId(), command.amount(), command.kind(),
                command.contraAccount(), availableMinor + amount, heldMinor, command.fx()));
        return state();
    }

    @CommandHandler
    public WalletState handle(DebitWalletCommand command) {
        requireCurrency(command.amount());
        // An approved correction lands on a frozen wallet too: a freeze stops the customer, not the books.
        if (!(command.kind() == PostingKind.CORRECTION && status == WalletStatus.FROZEN)) {
            requireActive();
        }
        long amount = command.amount().amountMinor();
        if (amount > availableMinor) {
            throw new MizaniException(ErrorCode.INSUFFICIENT_FUNDS,
                    "available balance %s is less than %s".formatted(Money.of(availableMinor, currency), command.amount()));
        }
        apply(new WalletDebitedEvent(walletId, command.transactionId(), command.amount(), command.kind(),
                command.contraAccount(), availableMinor - amount, heldMinor, command.fx()));
        return state();
    }

    /** Reserving twice under one id is a no-op: the payment that asks may be retried. */
    @CommandHandler
    public WalletState handle(ReserveFundsCommand command) {
        requireCurrency(command.amount());
        if (reservations.containsKey(command.reservationId())) {
            return state();
        }
        requireActive();
        long amount = command.amount().amountMinor();
        if (amount > availableMinor) {
            throw new MizaniException(ErrorCode.INSUFFICIENT_FUNDS,
                    "available balance %s is less than %s".formatted(Money.of(availableMinor, currency), command.amount()));
        }
        apply(new FundsReservedEvent(walletId, command.reservationId(), command.amount(), availableMinor - amount,
                heldMinor + amount));
        return state();
    }

    /** Allowed on a frozen or closed-for-business wallet: the money was the customer's all along. */
    @CommandHandler
    public WalletState handle(ReleaseReservationCommand command) {
        long amount = requireReservation(command.reservationId());
        apply(new ReservationReleasedEvent(walletId, command.reservationId(), Money.of(amount, currency),
                availableMinor + amount, heldMinor - amount));
        return state();
    }

    /**
     * Gives back part of a reservation, as a whole release gives back all of it: allowed on a frozen wallet too. More
     * than the reservation holds is a bug of the caller (a payroll job releases each item's amount once), not a refusal.
     */
    @CommandHandler
    public WalletState handle(ReleaseReservedPartCommand command) {
        long reserved = requireReservation(command.reservationId());
        requireCurrency(command.amount());
        long amount = command.amount().amountMinor();
        if (amount > reserved) {
            throw new IllegalStateException("reservation %s holds %d, less than the %d to release"
                    .formatted(command.reservationId(), reserved, amount));
        }
        apply(new ReservedPartReleasedEvent(walletId, command.reservationId(), command.amount(), reserved - amount,
                availableMinor + amount, heldMinor - amount));
        return state();
    }

    /**
     * Spends a reservation exactly: the provider already paid, so neither a freeze nor anything else may refuse
     * it. Each capture is its own debit event (one balanced pair of postings) out of the held balance.
     */
    @CommandHandler
    public WalletState handle(CaptureReservationCommand command) {
        long reserved = requireReservation(command.reservationId());
        long captured = 0;
        for (CaptureReservationCommand.Capture capture : command.captures()) {
            requireCurrency(capture.amount());
            captured = Math.addExact(captured, capture.amount().amountMinor());
        }
        if (captured != reserved) {
            throw new IllegalStateException("reservation %s holds %d but the capture spends %d"
                    .formatted(command.reservationId(), reserved, captured));
        }
        long held = heldMinor;
        for (CaptureReservationCommand.Capture capture : command.captures()) {
            held -= capture.amount().amountMinor();
            apply(new WalletDebitedEvent(walletId, command.reservationId(), capture.amount(), capture.kind(),
                    capture.contraAccount(), availableMinor, held, capture.fx()));
        }
        apply(new ReservationCapturedEvent(walletId, command.reservationId()));
        return state();
    }

    /** The refusal a deposit of {@code amount} would meet now, if any; changes nothing. */
    Optional<MizaniException> refusalOfCredit(Money amount) {
        try {
            requireCurrency(amount);
            requireActive();
            return Optional.empty();
        } catch (MizaniException refusal) {
            return Optional.of(refusal);
        }
    }

    CurrencyCode currency() {
        return currency;
    }

    /** Whether the wallet has {@code amount} available now (held money is not available); changes nothing. */
    boolean holdsAvailable(Money amount) {
        return amount.currency() == currency && amount.amountMinor() <= availableMinor;
    }

    /** What would refuse moving {@code amount} whenever that came: another currency, or a closed wallet. */
    Optional<MizaniException> refusalOfFutureMovement(Money amount) {
        try {
            requireCurrency(amount);
            requireNotClosed();
            return Optional.empty();
        } catch (MizaniException refusal) {
            return Optional.of(refusal);
        }
    }

    private long requireReservation(UUID reservationId) {
        Long amount = reservations.get(reservationId);
        if (amount == null) {
            // Payments release or capture only what they reserved, once; anything else is a bug, not a refusal.
            throw new IllegalStateException("wallet %s has no reservation %s".formatted(walletId, reservationId));
        }
        return amount;
    }

    /**
     * A frozen wallet takes a refund (it must land, even on a wallet frozen after the money left it) and an approved
     * correction (a freeze stops the customer, not the books); no other credit.
     */
    private void requireMovable(PostingKind kind) {
        if (!((kind == PostingKind.REVERSAL || kind == PostingKind.CORRECTION) && status == WalletStatus.FROZEN)) {
            requireActive();
        }
    }

    private void requireActive() {
        requireNotClosed();
        if (status == WalletStatus.FROZEN) {
            throw new MizaniException(ErrorCode.WALLET_FROZEN, "wallet " + walletId + " is frozen");
        }
    }

    private void requireNotClosed() {
        if (status == WalletStatus.CLOSED) {
            throw new MizaniException(ErrorCode.WALLET_CLOSED, "wallet " + walletId + " is closed");
        }
    }

    private void requireCurrency(Money amount) {
        if (amount.currency() != currency) {
            throw new MizaniException(ErrorCode.CURRENCY_MISMATCH,
                    "wallet %s holds %s, not %s".formatted(walletId, currency, amount.currency()));
        }
    }

    private WalletState state() {
        return new WalletState(walletId, ownerId, currency, status, availableMinor, heldMinor, version);
    }

    @EventSourcingHandler
    void on(WalletOpenedEvent event, @SequenceNumber long sequence) {
        walletId = event.walletId();
        ownerId = event.ownerId();
        currency = event.currency();
        requestHash = event.requestHash();
        status = WalletStatus.ACTIVE;
        version = sequence;
    }

    @EventSourcingHandler
    void on(WalletFrozenEvent event, @SequenceNumber long sequence) {
        status = WalletStatus.FROZEN;
        version = sequence;
    }

    @EventSourcingHandler
    void on(WalletUnfrozenEvent event, @SequenceNumber long sequence) {
        status = WalletStatus.ACTIVE;
        version = sequence;
    }

    @EventSourcingHandler
    void on(WalletClosedEvent event, @SequenceNumber long sequence) {
        status = WalletStatus.CLOSED;
        version = sequence;
    }

    @EventSourcingHandler
    void on(WalletCreditedEvent event, @SequenceNumber long sequence) {
        assignBalances(event.availableAfterMinor(), event.heldAfterMinor(), sequence);
    }

    @EventSourcingHandler
    void on(WalletDebitedEvent event, @SequenceNumber long sequence) {
        assignBalances(event.availableAfterMinor(), event.heldAfterMinor(), sequence);
    }

    @EventSourcingHandler
    void on(FundsReservedEvent event, @SequenceNumber long sequence) {
        reservations.put(event.reservationId(), event.amount().amountMinor());
        assignBalances(event.availableAfterMinor(), event.heldAfterMinor(), sequence);
    }

    @EventSourcingHandler
    void on(ReservationReleasedEvent event, @SequenceNumber long sequence) {
        reservations.remove(event.reservationId());
        assignBalances(event.availableAfterMinor(), event.heldAfterMinor(), sequence);
    }

    @EventSourcingHandler
    void on(ReservedPartReleasedEvent event, @SequenceNumber long sequence) {
        if (event.remainingMinor() < 0) {
            throw new IllegalStateException("wallet %s event %d leaves reservation %s negative"
                    .formatted(walletId, sequence, event.reservationId()));
        }
        if (event.remainingMinor() == 0) {
            reservations.remove(event.reservationId());
        } else {
            reservations.put(event.reservationId(), event.remainingMinor());
        }
        assignBalances(event.availableAfterMinor(), event.heldAfterMinor(), sequence);
    }

    @EventSourcingHandler
    void on(ReservationCapturedEvent event, @SequenceNumber long sequence) {
        reservations.remove(event.reservationId());
        version = sequence;
    }

    /** The second half of the pair assertion: a stored event can never leave a negative balance behind. */
    private void assignBalances(long available, long held, long sequence) {
        if (available < 0 || held < 0) {
            throw new IllegalStateException("wallet %s event %d leaves a negative balance".formatted(walletId, sequence));
        }
        availableMinor = available;
        heldMinor = held;
        version = sequence;
    }
}
