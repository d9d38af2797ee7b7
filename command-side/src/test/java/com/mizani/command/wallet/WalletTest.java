package com.mizani.command.wallet;

import com.mizani.command.support.CommandHarness;
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
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class WalletTest {

    private static final UUID WALLET_ID = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID OWNER_ID = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID TX_ID = UUID.fromString("33333333-3333-3333-3333-333333333333");
    private static final String REQUEST_HASH = "hash-of-open-request";
    private static final String TRANSIT = "transit:KES";
    private static final String SETTLEMENT = "provider:cash:settlement:KES";

    private CommandHarness harness;

    @BeforeEach
    void setUp() {
        harness = new CommandHarness().withAggregate(Wallet.class);
    }

    /** The wallet's history before the command under test. */
    private CommandHarness given(Object... events) {
        return harness.given(Wallet.class, WALLET_ID, events);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static Money kes(long minor) {
        return Money.of(minor, CurrencyCode.KES);
    }

    private static WalletOpenedEvent opened() {
        return new WalletOpenedEvent(WALLET_ID, OWNER_ID, CurrencyCode.KES, REQUEST_HASH);
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
            harness
                    .when(new OpenWalletCommand(WALLET_ID, OWNER_ID, CurrencyCode.KES, REQUEST_HASH))
                    .expectSuccess()
                    .expectEvents(opened())
                    .expectResult(state(WalletStatus.ACTIVE, 0, 0, 0));
        }

        @Test
        void repeatingTheOpenWithTheSameRequestHashPublishesNothingAndReturnsTheCurrentState() {
            given(opened(), fundedTo(500))
                    .when(new OpenWalletCommand(WALLET_ID, OWNER_ID, CurrencyCode.KES, REQUEST_HASH))
                    .expectSuccess()
                    .expectNoEvents()
                    .expectResult(state(WalletStatus.ACTIVE, 500, 0, 1));
        }

        @Test
        void openingTwiceWithTheSameRequestStoresExactlyOneWalletOpened() {
            OpenWalletCommand open = new OpenWalletCommand(WALLET_ID, OWNER_ID, CurrencyCode.KES, REQUEST_HASH);
            harness.when(open).expectEvents(opened());

            harness.when(open)
                    .expectNoEvents()
                    .expectResult(state(WalletStatus.ACTIVE, 0, 0, 0));
            assertThat(harness.storedEvents(WALLET_ID)).containsExactly(opened());
        }

        @Test
        void repeatingTheOpenWithADifferentRequestHashIsRefusedWithIdempotencyKeyReused() {
            given(opened())
                    .when(new OpenWalletCommand(WALLET_ID, OWNER_ID, CurrencyCode.UGX, "hash-of-another-request"))
                    .expectRefusal(ErrorCode.IDEMPOTENCY_KEY_REUSED)
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
                    .expectResult(state(WalletStatus.ACTIVE, 1_500, 250, 2));
        }

        @Test
        void creditInAnotherCurrencyIsRefusedWithCurrencyMismatch() {
            given(opened())
                    .when(credit(Money.of(500, CurrencyCode.UGX), PostingKind.TRANSFER_IN))
                    .expectRefusal(ErrorCode.CURRENCY_MISMATCH)
                    .expectNoEvents();
        }

        @Test
        void creditToAFrozenWalletIsRefusedWithWalletFrozen() {
            given(opened(), new WalletFrozenEvent(WALLET_ID))
                    .when(credit(kes(500), PostingKind.TRANSFER_IN))
                    .expectRefusal(ErrorCode.WALLET_FROZEN)
                    .expectNoEvents();
        }

        @Test
        void creditToAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(credit(kes(500), PostingKind.DEPOSIT))
                    .expectRefusal(ErrorCode.WALLET_CLOSED)
                    .expectNoEvents();
        }

        @Test
        void reversalCreditLandsOnAFrozenWallet() {
            given(opened(), fundedTo(100), new WalletFrozenEvent(WALLET_ID))
                    .when(credit(kes(400), PostingKind.REVERSAL))
                    .expectEvents(new WalletCreditedEvent(WALLET_ID, TX_ID, kes(400), PostingKind.REVERSAL, TRANSIT,
                            500, 0))
                    .expectResult(state(WalletStatus.FROZEN, 500, 0, 3));
        }

        @Test
        void reversalCreditToAClosedWalletIsStillRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(credit(kes(400), PostingKind.REVERSAL))
                    .expectRefusal(ErrorCode.WALLET_CLOSED)
                    .expectNoEvents();
        }

        @Test
        void creditThatWouldExceedTheBalanceLimitIsRefusedWithBalanceLimitExceeded() {
            given(opened(), fundedTo(Wallet.MAX_BALANCE_MINOR - 100, 50))
                    .when(credit(kes(51), PostingKind.DEPOSIT))
                    .expectRefusal(ErrorCode.BALANCE_LIMIT_EXCEEDED)
                    .expectNoEvents();
        }

        @Test
        void creditThatReachesTheBalanceLimitExactlyIsAccepted() {
            given(opened(), fundedTo(Wallet.MAX_BALANCE_MINOR - 100, 50))
                    .when(credit(kes(50), PostingKind.DEPOSIT))
                    .expectEvents(new WalletCreditedEvent(WALLET_ID, TX_ID, kes(50), PostingKind.DEPOSIT, TRANSIT,
                            Wallet.MAX_BALANCE_MINOR - 50, 50));
        }

        @Test
        void creditToAWalletThatWasNeverOpenedFailsWithAggregateNotFound() {
            harness
                    .when(credit(kes(500), PostingKind.DEPOSIT))
                    .expectFailure(AggregateNotFoundException.class)
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
                    .expectResult(state(WalletStatus.ACTIVE, 700, 250, 2));
        }

        @Test
        void debitOfTheExactAvailableBalanceIsAllowedAndLeavesZero() {
            given(opened(), fundedTo(1_000))
                    .when(debit(kes(1_000)))
                    .expectEvents(new WalletDebitedEvent(WALLET_ID, TX_ID, kes(1_000), PostingKind.TRANSFER_OUT, TRANSIT,
                            0, 0))
                    .expectResult(state(WalletStatus.ACTIVE, 0, 0, 2));
        }

        @Test
        void debitBeyondAvailableIsRefusedWithInsufficientFunds() {
            given(opened(), fundedTo(1_000))
                    .when(debit(kes(1_001)))
                    .expectRefusal(ErrorCode.INSUFFICIENT_FUNDS)
                    .expectNoEvents();
        }

        @Test
        void heldFundsCannotBeDebitedSoDebitBeyondAvailableIsRefusedEvenWhenTotalCoversIt() {
            given(opened(), fundedTo(100, 500))
                    .when(debit(kes(101)))
                    .expectRefusal(ErrorCode.INSUFFICIENT_FUNDS)
                    .expectNoEvents();
        }

        @Test
        void debitFromAnEmptyWalletIsRefusedWithInsufficientFunds() {
            given(opened())
                    .when(debit(kes(1)))
                    .expectRefusal(ErrorCode.INSUFFICIENT_FUNDS)
                    .expectNoEvents();
        }

        @Test
        void debitFromAFrozenWalletIsRefusedWithWalletFrozen() {
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID))
                    .when(debit(kes(100)))
                    .expectRefusal(ErrorCode.WALLET_FROZEN)
                    .expectNoEvents();
        }

        @Test
        void debitFromAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(debit(kes(100)))
                    .expectRefusal(ErrorCode.WALLET_CLOSED)
                    .expectNoEvents();
        }

        @Test
        void debitInAnotherCurrencyIsRefusedWithCurrencyMismatch() {
            given(opened(), fundedTo(1_000))
                    .when(debit(Money.of(100, CurrencyCode.UGX)))
                    .expectRefusal(ErrorCode.CURRENCY_MISMATCH)
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
                    .expectResult(state(WalletStatus.FROZEN, 0, 0, 1));
        }

        @Test
        void freezingAFrozenWalletIsANoOp() {
            given(opened(), new WalletFrozenEvent(WALLET_ID))
                    .when(new FreezeWalletCommand(WALLET_ID))
                    .expectSuccess()
                    .expectNoEvents()
                    .expectResult(state(WalletStatus.FROZEN, 0, 0, 1));
        }

        @Test
        void freezingAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new FreezeWalletCommand(WALLET_ID))
                    .expectRefusal(ErrorCode.WALLET_CLOSED)
                    .expectNoEvents();
        }

        @Test
        void unfreezingAFrozenWalletPublishesWalletUnfrozen() {
            given(opened(), new WalletFrozenEvent(WALLET_ID))
                    .when(new UnfreezeWalletCommand(WALLET_ID))
                    .expectEvents(new WalletUnfrozenEvent(WALLET_ID))
                    .expectResult(state(WalletStatus.ACTIVE, 0, 0, 2));
        }

        @Test
        void unfreezingAnActiveWalletIsANoOp() {
            given(opened())
                    .when(new UnfreezeWalletCommand(WALLET_ID))
                    .expectSuccess()
                    .expectNoEvents()
                    .expectResult(state(WalletStatus.ACTIVE, 0, 0, 0));
        }

        @Test
        void unfreezingAClosedWalletIsRefusedWithWalletClosed() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new UnfreezeWalletCommand(WALLET_ID))
                    .expectRefusal(ErrorCode.WALLET_CLOSED)
                    .expectNoEvents();
        }

        @Test
        void anUnfrozenWalletAcceptsDebitsAgain() {
            given(opened(), fundedTo(1_000), new WalletFrozenEvent(WALLET_ID), new WalletUnfrozenEvent(WALLET_ID))
                    .when(debit(kes(100)))
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
                    .expectResult(state(WalletStatus.CLOSED, 0, 0, 1));
        }

        @Test
        void closingAWalletThatWasEmptiedAgainPublishesWalletClosed() {
            given(opened(), fundedTo(1_000),
                            new WalletDebitedEvent(WALLET_ID, TX_ID, kes(1_000), PostingKind.TRANSFER_OUT, TRANSIT, 0, 0))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectEvents(new WalletClosedEvent(WALLET_ID));
        }

        @Test
        void closingAWalletWithAvailableFundsIsRefusedWithWalletNotEmpty() {
            given(opened(), fundedTo(1))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectRefusal(ErrorCode.WALLET_NOT_EMPTY)
                    .expectNoEvents();
        }

        @Test
        void closingAWalletWithHeldFundsIsRefusedWithWalletNotEmpty() {
            given(opened(), fundedTo(0, 1))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectRefusal(ErrorCode.WALLET_NOT_EMPTY)
                    .expectNoEvents();
        }

        @Test
        void closingAClosedWalletIsANoOp() {
            given(opened(), new WalletClosedEvent(WALLET_ID))
                    .when(new CloseWalletCommand(WALLET_ID))
                    .expectSuccess()
                    .expectNoEvents()
                    .expectResult(state(WalletStatus.CLOSED, 0, 0, 1));
        }
    }

    // ---- event sourcing ------------------------------------------------------------------------------------

    @Test
    void replayingAnEventThatLeavesANegativeBalanceIsAFault() {
        CommandHarness.Outcome outcome =
                given(opened(), new WalletDebitedEvent(WALLET_ID, TX_ID, kes(1), PostingKind.TRANSFER_OUT, TRANSIT, -1, 0))
                        .when(new FreezeWalletCommand(WALLET_ID))
                        .expectNoEvents();
        // Axon wraps a failure while sourcing the aggregate; the fault underneath is the wallet's own check.
        assertThat(outcome.failure())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("wallet %s event 1 leaves a negative balance".formatted(WALLET_ID));
    }

    @Test
    void insufficientFundsRefusalNamesTheAvailableBalanceAndTheAmount() {
        CommandHarness.Outcome outcome = given(opened(), fundedTo(1_000))
                .when(debit(kes(1_001)))
                .expectRefusal(ErrorCode.INSUFFICIENT_FUNDS)
                .expectNoEvents();
        assertThat(outcome.failure()).hasMessage("available balance 10.00 KES is less than 10.01 KES");
    }
}
