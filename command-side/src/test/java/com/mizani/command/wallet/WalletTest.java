package com.mizani.command.wallet;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.CloseWalletCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import com.mizani.kernel.wallet.FreezeWalletCommand;
import com.mizani.kernel.wallet.OpenWalletCommand;
import com.mizani.kernel.wallet.UnfreezeWalletCommand;
import com.mizani.kernel.wallet.WalletClosedEvent;
import com.mizani.kernel.wallet.WalletCreditedEvent;
import com.mizani.kernel.wallet.WalletDebitedEvent;
import com.mizani.kernel.wallet.WalletFrozenEvent;
import com.mizani.kernel.wallet.WalletOpenedEvent;
import com.mizani.kernel.wallet.WalletState;
import com.mizani.kernel.wallet.WalletStatus;
import com.mizani.kernel.wallet.WalletUnfrozenEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.FailureMatchers.withRootCause;
import static org.assertj.core.api.Assertions.assertThat;

class WalletTest {

    private static final UUID WALLET_ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID OWNER_ID = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID TX_ID = UUID.fromString("33333333-3333-3333-3333-333333333333");
    private static final String REQUEST_HASH = "hash-of-open-request";
    private static final String TRANSIT = "transit:KES";
    private static final String SETTLEMENT = "provider:cash:settlement:KES";

    private FixtureConfiguration<Wallet> fixture;

    @BeforeEach
    void setUp() {
        // The fixture registers the wallet's own @CommandHandlers on an event-sourced repository of its own; it
        // ignores the Spring bean names (snapshot trigger, cache) that Wallet's @Aggregate carries.
        fixture = new AggregateTestFixture<>(Wallet.class);
    }

    /** The wallet's history before the command under test. */
    private TestExecutor<Wallet> given(Object... events) {
        return fixture.given(events);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Money kes(long minor) {
        return Money.of(minor, CurrencyCode.KES);
    }

    private static WalletOpenedEvent opened() {
        return new WalletOpenedEvent(WALLET_ID, OWNER_ID, CurrencyCode.KES, REQUEST_HASH);
    }

    private static OpenWalletCommand open() {
        return new OpenWalletCommand(WALLET_ID, OWNER_ID, CurrencyCode.KES, REQUEST_HASH);
    }

    /** A deposit that leaves the wallet with the given balances. */
    private static WalletCreditedEvent fundedTo(long availableMinor, long heldMinor) {
        return new WalletCreditedEvent(WALLET_ID, UUID.randomUUID(), kes(availableMinor + heldMinor), PostingKind.DEPOSIT,
                SETTLEMENT, availableMinor, heldMinor);
    }

    private static WalletCreditedEvent fundedTo(long availableMinor) {
        return fundedTo(availableMinor, 0);
    }

    private static CreditWalletCommand credit(Money amount, PostingKind kind) {
        return new CreditWalletCommand(WALLET_ID, TX_ID, amount, kind, TRANSIT);
    }

    private static DebitWalletCommand debit(Money amount) {
        return new DebitWalletCommand(WALLET_ID, TX_ID, amount, PostingKind.TRANSFER_OUT, TRANSIT);
    }

    private static WalletState state(WalletStatus status, long availableMinor, long heldMinor, long version) {
        return new WalletState(WALLET_ID, OWNER_ID, CurrencyCode.KES, status, availableMinor, heldMinor, version);
    }

    // ---- open ----------------------------------------------------------------------------------------------

    @Nested
    class Open {

        @Test
        void openingANewWalletPublishesWalletOpenedAndReturnsAnEmptyActiveWallet() {
            fixture.givenNoPriorActivity()
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened())
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 0, 0, 0));
        }

        @Test
        void repeatingTheOpenWithTheSameRequestHashPublishesNothingAndReturnsTheCurrentState() {
            given(opened(), fundedTo(500))
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 500, 0, 1));
        }

        @Test
        void openingTwiceWithTheSameRequestStoresExactlyOneWalletOpened() {
            // givenCommands runs the first open through the wallet's handler and keeps what it stored as history.
            fixture.givenCommands(open())
                    .when(open())
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 0, 0, 0));
            // Everything the fixture's event store holds for the wallet after both opens.
            assertThat(fixture.getEventStore().readEvents(WALLET_ID.toString()).asStream()
                    .<Object>map(EventMessage::getPayload).toList())
                    .containsExactly(opened());
        }

        @Test
        void repeatingTheOpenWithADifferentRequestHashIsRefusedWithIdempotencyKeyReused() {
            given(opened())
                    .when(new OpenWalletCommand(WALLET_ID, OWNER_ID, CurrencyCode.UGX, "hash-of-another-request"))
                    .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                    .expectNoEvents();
        }
    }

    // ---- credit --------------------------------------------------------------------------------------------

    @Nested
    class Credit {

        @Test
        void creditingAnActiveWalletAddsToAvailableAndKeepsHeld() {
            given(opened(), fundedTo(1_000, 250))
                    .when(credit(kes(500), PostingKind.TRANSFER_IN))
                    .expectEvents(new WalletCreditedEvent(WALLET_ID, TX_ID, kes(500), PostingKind.TRANSFER_IN, TRANSIT,
                            1_500, 250))
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 1_500, 250, 2));
        }

        @Test
        void creditInAnotherCurrencyIsRefusedWithCurrencyMismatch() {
            given(opened())
                    .when(credit(Money.of(500, CurrencyCode.UGX), PostingKind.TRANSFER_IN))
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void creditToAFrozenWalletIsRefusedWithWalletFrozen() {
            given(opened(), new WalletFrozenEvent(WALLET_ID))
                    .when(credit(kes(500), PostingKind.TRANSFER_IN))
                    .expectException(refusal(ErrorCode.WALLET_FROZEN))
                    .expectNoEvents();
        }

        @Test
        void creditToAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(credit(kes(500), PostingKind.DEPOSIT))
                    .expectException(refusal(ErrorCode.WALLET_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void reversalCreditLandsOnAFrozenWallet() {
            given(opened(), fundedTo(100), new WalletFrozenEvent(WALLET_ID))
                    .when(credit(kes(400), PostingKind.REVERSAL))
                    .expectEvents(new WalletCreditedEvent(WALLET_ID, TX_ID, kes(400), PostingKind.REVERSAL, TRANSIT,
                            500, 0))
                    .expectResultMessagePayload(state(WalletStatus.FROZEN, 500, 0, 3));
        }

        @Test
        void reversalCreditToAClosedWalletIsStillRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(credit(kes(400), PostingKind.REVERSAL))
                    .expectException(refusal(ErrorCode.WALLET_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void creditThatWouldExceedTheBalanceLimitIsRefusedWithBalanceLimitExceeded() {
            given(opened(), fundedTo(Wallet.MAX_BALANCE_MINOR - 100, 50))
                    .when(credit(kes(51), PostingKind.DEPOSIT))
                    .expectException(refusal(ErrorCode.BALANCE_LIMIT_EXCEEDED))
                    .expectNoEvents();
        }

        @Test
        void creditThatReachesTheBalanceLimitExactlyIsAccepted() {
            given(opened(), fundedTo(Wallet.MAX_BALANCE_MINOR - 100, 50))
                    .when(credit(kes(50), PostingKind.DEPOSIT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new WalletCreditedEvent(WALLET_ID, TX_ID, kes(50), PostingKind.DEPOSIT, TRANSIT,
                            Wallet.MAX_BALANCE_MINOR - 50, 50));
        }

        @Test
        void creditToAWalletThatWasNeverOpenedFailsWithAggregateNotFound() {
            fixture.givenNoPriorActivity()
                    .when(credit(kes(500), PostingKind.DEPOSIT))
                    .expectException(AggregateNotFoundException.class)
                    .expectNoEvents();
        }
    }

    // ---- debit ---------------------------------------------------------------------------------------------

    @Nested
    class Debit {

        @Test
        void debitWithinAvailableSubtractsFromAvailable() {
            given(opened(), fundedTo(1_000, 250))
                    .when(debit(kes(300)))
                    .expectEvents(new WalletDebitedEvent(WALLET_ID, TX_ID, kes(300), PostingKind.TRANSFER_OUT, TRANSIT,
                            700, 250))
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 700, 250, 2));
        }

        @Test
        void debitOfTheExactAvailableBalanceIsAllowedAndLeavesZero() {
            given(opened(), fundedTo(1_000))
                    .when(debit(kes(1_000)))
                    .expectEvents(new WalletDebitedEvent(WALLET_ID, TX_ID, kes(1_000), PostingKind.TRANSFER_OUT, TRANSIT,
                            0, 0))
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 0, 0, 2));
        }

        @Test
        void debitBeyondAvailableIsRefusedWithInsufficientFunds() {
            given(opened(), fundedTo(1_000))
                    .when(debit(kes(1_001)))
                    .expectException(refusal(ErrorCode.INSUFFICIENT_FUNDS))
                    .expectNoEvents();
        }

        @Test
        void heldFundsCannotBeDebitedSoDebitBeyondAvailableIsRefusedEvenWhenTotalCoversIt() {
            given(opened(), fundedTo(100, 500))
                    .when(debit(kes(101)))
                    .expectException(refusal(ErrorCode.INSUFFICIENT_FUNDS))
                    .expectNoEvents();
        }

        @Test
        void debitFromAnEmptyWalletIsRefusedWithInsufficientFunds() {
            given(opened())
                    .when(debit(kes(1)))
                    .expectException(refusal(ErrorCode.INSUFFICIENT_FUNDS))
                    .expectNoEvents();
        }

        @Test
        void debitFromAFrozenWalletIsRefusedWithWalletFrozen() {
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID))
                    .when(debit(kes(100)))
                    .expectException(refusal(ErrorCode.WALLET_FROZEN))
                    .expectNoEvents();
        }

        @Test
        void anApprovedCorrectionMovesAFrozenWalletBothWaysButNeverBelowZero() {
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID))
                    .when(new DebitWalletCommand(WALLET_ID, TX_ID, kes(600), PostingKind.CORRECTION, TRANSIT))
                    .expectEvents(new WalletDebitedEvent(WALLET_ID, TX_ID, kes(600), PostingKind.CORRECTION, TRANSIT,
                            400, 0));
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID))
                    .when(credit(kes(600), PostingKind.CORRECTION))
                    .expectEvents(new WalletCreditedEvent(WALLET_ID, TX_ID, kes(600), PostingKind.CORRECTION, TRANSIT,
                            1_600, 0));
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID))
                    .when(new DebitWalletCommand(WALLET_ID, TX_ID, kes(1_001), PostingKind.CORRECTION, TRANSIT))
                    .expectException(refusal(ErrorCode.INSUFFICIENT_FUNDS));
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new DebitWalletCommand(WALLET_ID, TX_ID, kes(1), PostingKind.CORRECTION, TRANSIT))
                    .expectException(refusal(ErrorCode.WALLET_CLOSED));
        }

        @Test
        void debitFromAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(debit(kes(100)))
                    .expectException(refusal(ErrorCode.WALLET_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void debitInAnotherCurrencyIsRefusedWithCurrencyMismatch() {
            given(opened(), fundedTo(1_000))
                    .when(debit(Money.of(100, CurrencyCode.UGX)))
                    .expectException(refusal(ErrorCode.CURRENCY_MISMATCH))
                    .expectNoEvents();
        }
    }

    // ---- freeze / unfreeze ---------------------------------------------------------------------------------

    @Nested
    class FreezeAndUnfreeze {

        @Test
        void freezingAnActiveWalletPublishesWalletFrozen() {
            given(opened())
                    .when(new FreezeWalletCommand(WALLET_ID))
                    .expectEvents(new WalletFrozenEvent(WALLET_ID))
                    .expectResultMessagePayload(state(WalletStatus.FROZEN, 0, 0, 1));
        }

        @Test
        void freezingAFrozenWalletIsANoOp() {
            given(opened(), new WalletFrozenEvent(WALLET_ID))
                    .when(new FreezeWalletCommand(WALLET_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(state(WalletStatus.FROZEN, 0, 0, 1));
        }

        @Test
        void freezingAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new FreezeWalletCommand(WALLET_ID))
                    .expectException(refusal(ErrorCode.WALLET_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void unfreezingAFrozenWalletPublishesWalletUnfrozen() {
            given(opened(), new WalletFrozenEvent(WALLET_ID))
                    .when(new UnfreezeWalletCommand(WALLET_ID))
                    .expectEvents(new WalletUnfrozenEvent(WALLET_ID))
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 0, 0, 2));
        }

        @Test
        void unfreezingAnActiveWalletIsANoOp() {
            given(opened())
                    .when(new UnfreezeWalletCommand(WALLET_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(state(WalletStatus.ACTIVE, 0, 0, 0));
        }

        @Test
        void unfreezingAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new UnfreezeWalletCommand(WALLET_ID))
                    .expectException(refusal(ErrorCode.WALLET_CLOSED))
                    .expectNoEvents();
        }

        @Test
        void anUnfrozenWalletAcceptsDebitsAgain() {
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID), new WalletUnfrozenEvent(WALLET_ID))
                    .when(debit(kes(100)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new WalletDebitedEvent(WALLET_ID, TX_ID, kes(100), PostingKind.TRANSFER_OUT, TRANSIT,
                            900, 0));
        }
    }

    // ---- close ---------------------------------------------------------------------------------------------

    @Nested
    class Close {

        @Test
        void closingAWalletAtZeroPublishesWalletClosed() {
            given(opened())
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectEvents(new WalletClosedEvent(WALLET_ID))
                    .expectResultMessagePayload(state(WalletStatus.CLOSED, 0, 0, 1));
        }

        @Test
        void closingAWalletThatWasEmptiedAgainPublishesWalletClosed() {
            given(opened(), fundedTo(1_000),
                    new WalletDebitedEvent(WALLET_ID, TX_ID, kes(1_000), PostingKind.TRANSFER_OUT, TRANSIT, 0, 0))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new WalletClosedEvent(WALLET_ID));
        }

        @Test
        void closingAWalletWithAvailableFundsIsRefusedWithWalletNotEmpty() {
            given(opened(), fundedTo(1))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectException(refusal(ErrorCode.WALLET_NOT_EMPTY))
                    .expectNoEvents();
        }

        @Test
        void closingAWalletWithHeldFundsIsRefusedWithWalletNotEmpty() {
            given(opened(), fundedTo(0, 1))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectException(refusal(ErrorCode.WALLET_NOT_EMPTY))
                    .expectNoEvents();
        }

        @Test
        void closingAClosedWalletIsANoOp() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(state(WalletStatus.CLOSED, 0, 0, 1));
        }
    }

    // ---- event sourcing ------------------------------------------------------------------------------------

    @Test
    void replayingAnEventThatLeavesANegativeBalanceIsAFault() {
        // Axon may wrap a failure while sourcing the aggregate; the fault underneath is the wallet's own check.
        given(opened(), new WalletDebitedEvent(WALLET_ID, TX_ID, kes(1), PostingKind.TRANSFER_OUT, TRANSIT, -1, 0))
                .when(new FreezeWalletCommand(WALLET_ID))
                .expectException(withRootCause(IllegalStateException.class,
                        "wallet %s event 1 leaves a negative balance".formatted(WALLET_ID)))
                .expectNoEvents();
    }

    @Test
    void insufficientFundsRefusalNamesTheAvailableBalanceAndTheAmount() {
        given(opened(), fundedTo(1_000))
                .when(debit(kes(1_001)))
                .expectException(refusal(ErrorCode.INSUFFICIENT_FUNDS))
                .expectExceptionMessage("available balance 10.00 KES is less than 10.01 KES")
                .expectNoEvents();
    }

    /** A payroll job pays each item out of its reservation: part of it released, the rest still held. */
    @Nested
    class PartialRelease {

        private final UUID reservation = UUID.fromString("44444444-4444-4444-4444-444444444444");

        @Test
        void releasesThePartAndKeepsTheRestReserved() {
            given(opened(), fundedTo(1_000),
                    new com.mizani.kernel.wallet.FundsReservedEvent(WALLET_ID, reservation, kes(600), 400, 600))
                    .when(new com.mizani.kernel.wallet.ReleaseReservedPartCommand(WALLET_ID, reservation, kes(250)))
                    .expectEvents(new com.mizani.kernel.wallet.ReservedPartReleasedEvent(WALLET_ID, reservation,
                            kes(250), 350, 650, 350));
        }

        @Test
        void theLastPartClosesTheReservation() {
            given(opened(), fundedTo(1_000),
                    new com.mizani.kernel.wallet.FundsReservedEvent(WALLET_ID, reservation, kes(600), 400, 600),
                    new com.mizani.kernel.wallet.ReservedPartReleasedEvent(WALLET_ID, reservation, kes(600), 0, 1_000, 0))
                    .when(new com.mizani.kernel.wallet.ReleaseReservationCommand(WALLET_ID, reservation))
                    .expectNoEvents()
                    .expectException(IllegalStateException.class);
        }

        @Test
        void moreThanTheReservationHoldsIsAFaultAndChangesNothing() {
            given(opened(), fundedTo(1_000),
                    new com.mizani.kernel.wallet.FundsReservedEvent(WALLET_ID, reservation, kes(600), 400, 600))
                    .when(new com.mizani.kernel.wallet.ReleaseReservedPartCommand(WALLET_ID, reservation, kes(601)))
                    .expectNoEvents()
                    .expectException(IllegalStateException.class);
        }
    }
}
