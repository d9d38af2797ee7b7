package com.mizani.command.transfer;

import com.mizani.command.fx.FxQuotes;
import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.CreateNewTransferCommand;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.RecordingWalletStub.answering;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

class TransferTest {

    private static final UUID TRANSFER_ID = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID SOURCE = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final UUID DESTINATION = UUID.fromString("cccccccc-0000-0000-0000-000000000001");
    private static final Money AMOUNT = Money.of(50_000, CurrencyCode.KES);
    private static final String REQUEST_HASH = "hash-of-transfer-request";
    private static final String TRANSIT = "transit:KES";
    /** The fixture's clock while the command under test runs: every event it applies is stamped with it. */
    private static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");
    /** When an earlier transfer was requested, and when it reached its outcome. */
    private static final Instant REQUESTED_AT = Instant.parse("2025-06-02T09:00:00Z");
    private static final Instant FINISHED_AT = Instant.parse("2025-06-02T09:00:02Z");

    private FixtureConfiguration<Transfer> fixture;
    private RecordingWalletStub wallets;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Transfer.class);
        // The wallet legs go out on the fixture's own command bus, where the stub answers them.
        wallets = RecordingWalletStub.subscribedTo(fixture.getCommandBus());
        WalletLegs legs = new WalletLegs(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        fixture.registerInjectableResource((WalletLocks) wallets -> { });
        fixture.registerInjectableResource(legs);
        // Same-currency transfers ask neither; the FX path is tested end to end in the app's FxTransferTest.
        fixture.registerInjectableResource(new StubWalletChecks());
        fixture.registerInjectableResource(new FxQuotes(DefaultCommandGateway.builder()
                .commandBus(fixture.getCommandBus()).build()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static RequestTransferCommand transfer() {
        return transferWithHash(REQUEST_HASH);
    }

    private static RequestTransferCommand transferWithHash(String requestHash) {
        return new RequestTransferCommand(TRANSFER_ID, SOURCE, DESTINATION, AMOUNT, requestHash);
    }

    private static TransferRequestedEvent requested() {
        return new TransferRequestedEvent(TRANSFER_ID, SOURCE, DESTINATION, AMOUNT, REQUEST_HASH);
    }

    private static DebitWalletCommand debitOfSource() {
        return new DebitWalletCommand(SOURCE, TRANSFER_ID, AMOUNT, PostingKind.TRANSFER_OUT, TRANSIT);
    }

    private static CreditWalletCommand creditOfDestination() {
        return new CreditWalletCommand(DESTINATION, TRANSFER_ID, AMOUNT, PostingKind.TRANSFER_IN, TRANSIT);
    }

    private static CreditWalletCommand refundOfSource() {
        return new CreditWalletCommand(SOURCE, TRANSFER_ID, AMOUNT, PostingKind.REVERSAL, TRANSIT);
    }

    /** No transfer with this id exists yet; the command under test runs at {@link #NOW}. */
    private TestExecutor<Transfer> givenNoTransfer() {
        return fixture.givenNoPriorActivity().andGivenCurrentTime(NOW);
    }

    /** A transfer requested at {@link #REQUESTED_AT} that reached {@code outcomeEvent} at {@link #FINISHED_AT}. */
    private TestExecutor<Transfer> givenFinishedTransfer(Object outcomeEvent) {
        return fixture.givenCurrentTime(REQUESTED_AT).andGiven(requested())
                .andGivenCurrentTime(FINISHED_AT).andGiven(outcomeEvent)
                .andGivenCurrentTime(NOW);
    }

    /** The outcome the handler returns for this transfer. */
    private static TransferOutcome outcome(TransferStatus status, ErrorCode code, String reason,
                                           Instant requestedAt, Instant finishedAt) {
        return new TransferOutcome(TRANSFER_ID, SOURCE, DESTINATION, AMOUNT, status, code, reason, requestedAt,
                finishedAt);
    }

    /** The outcome of a transfer decided by the command under test: requested and finished at {@link #NOW}. */
    private static TransferOutcome decidedNow(TransferStatus status, ErrorCode code, String reason) {
        return outcome(status, code, reason, NOW, NOW);
    }

    /**
     * The payloads the fixture's event store holds for the transfer: the given events and those a command stored.
     * The fixture's store answers a read of an aggregate it holds nothing for with AggregateNotFoundException.
     */
    private List<Object> storedEvents() {
        try {
            return fixture.getEventStore().readEvents(TRANSFER_ID.toString()).asStream()
                    .<Object>map(EventMessage::getPayload).toList();
        } catch (AggregateNotFoundException nothingStored) {
            return List.of();
        }
    }

    // ---- first execution -----------------------------------------------------------------------------------

    @Test
    void transferBetweenAcceptingWalletsCompletes() {
        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferCompletedEvent(TRANSFER_ID))
                .expectResultMessagePayload(decidedNow(TransferStatus.COMPLETED, null, null));
        assertThat(storedEvents()).containsExactly(requested(), new TransferCompletedEvent(TRANSFER_ID));
    }

    @Test
    void aTransferKnownToBeNewIsCarriedOutAsARequestedOne() {
        givenNoTransfer()
                .when(CreateNewTransferCommand.of(transfer()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferCompletedEvent(TRANSFER_ID))
                .expectResultMessagePayload(decidedNow(TransferStatus.COMPLETED, null, null));
        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination());
    }

    @Test
    void completedTransferDebitsTheSourceIntoTransitThenCreditsTheDestinationOutOfTransit() {
        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution();

        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination());
    }

    @Test
    void sourceRefusingTheDebitRejectsTheTransferWithTheRefusalsCode() {
        String reason = "available balance 10.00 KES is less than 500.00 KES";
        wallets.onDebit(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, reason)));

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.INSUFFICIENT_FUNDS, reason))
                .expectResultMessagePayload(decidedNow(TransferStatus.REJECTED, ErrorCode.INSUFFICIENT_FUNDS, reason));
    }

    @Test
    void sourceRefusingTheDebitMeansNoCreditIsDispatched() {
        wallets.onDebit(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "insufficient")));

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution();

        assertThat(wallets.received()).containsExactly(debitOfSource());
    }

    @Test
    void debitRefusalWrappedByTheMessagingLayerStillRejectsWithItsCodeAndMessage() {
        // The shape RefusalCodeInterceptor gives a refusal: the code as details, the refusal as cause.
        String reason = "available balance 10.00 KES is less than 500.00 KES";
        MizaniException refusal = new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, reason);
        wallets.onDebit(throwing(new CommandExecutionException("wrapped: " + reason, refusal, refusal.code())));

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.INSUFFICIENT_FUNDS, reason));
    }

    @Test
    void debitRefusalThatArrivesAsDetailsOnlyStillRejectsWithItsCode() {
        // The shape a remote command bus delivers: no cause, the code in the details.
        wallets.onDebit(throwing(new CommandExecutionException("remote refusal", null, ErrorCode.WALLET_CLOSED)));

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.WALLET_CLOSED, "remote refusal"));
    }

    @Test
    void unknownSourceWalletRejectsTheTransferWithWalletNotFound() {
        wallets.onDebit(throwing(new AggregateNotFoundException(SOURCE.toString(), "no events for " + SOURCE)));
        String reason = "wallet " + SOURCE + " does not exist";

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.WALLET_NOT_FOUND, reason))
                .expectResultMessagePayload(decidedNow(TransferStatus.REJECTED, ErrorCode.WALLET_NOT_FOUND, reason));
        assertThat(wallets.received(CreditWalletCommand.class)).isEmpty();
    }

    @Test
    void destinationRefusingTheCreditFailsTheTransferWithTheRefusalsCode() {
        String reason = "wallet " + DESTINATION + " is frozen";
        wallets.onCredit(refuseOnlyTransferIn(new MizaniException(ErrorCode.WALLET_FROZEN, reason)));

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferFailedEvent(TRANSFER_ID, ErrorCode.WALLET_FROZEN, reason))
                .expectResultMessagePayload(decidedNow(TransferStatus.FAILED, ErrorCode.WALLET_FROZEN, reason));
    }

    @Test
    void destinationRefusingTheCreditRefundsTheSourceWithAReversalOutOfTransit() {
        wallets.onCredit(refuseOnlyTransferIn(new MizaniException(ErrorCode.WALLET_FROZEN, "frozen")));

        givenNoTransfer()
                .when(transfer())
                .expectSuccessfulHandlerExecution();

        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination(), refundOfSource());
    }

    @Test
    void refundThatCannotLandIsAFaultThatStoresNothing() {
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_CLOSED, "closed")));

        givenNoTransfer()
                .when(transfer())
                .expectException(IllegalStateException.class)
                .expectNoEvents();
        assertThat(storedEvents()).isEmpty();
        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination(), refundOfSource());
    }

    @Test
    void unexpectedDebitFailurePropagatesAndStoresNothing() {
        wallets.onDebit(throwing(new IllegalStateException("event store unavailable")));

        givenNoTransfer()
                .when(transfer())
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("event store unavailable")
                .expectNoEvents();
        assertThat(storedEvents()).isEmpty();
        assertThat(wallets.received(CreditWalletCommand.class)).isEmpty();
    }

    @Test
    void unexpectedCreditFailurePropagatesAndStoresNothing() {
        wallets.onCredit(throwing(new IllegalStateException("deadlock")));

        givenNoTransfer()
                .when(transfer())
                .expectException(IllegalStateException.class)
                .expectNoEvents();
        assertThat(storedEvents()).isEmpty();
    }

    @Test
    void afterAFaultTheSameRequestCanBeRetriedAndCompletes() {
        // givenCommands insists its commands succeed, so the faulty first attempt is a when() of its own; the
        // fixture keeps its event store between the two, and the fault left nothing in it.
        TestExecutor<Transfer> noTransfer = givenNoTransfer();
        wallets.onDebit(throwing(new IllegalStateException("transient")));
        noTransfer.when(transfer())
                .expectException(IllegalStateException.class)
                .expectNoEvents();

        wallets.onDebit(command -> null);
        noTransfer.when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new TransferCompletedEvent(TRANSFER_ID))
                .expectResultMessagePayload(decidedNow(TransferStatus.COMPLETED, null, null));
    }

    // ---- repeated requests ---------------------------------------------------------------------------------

    @Test
    void repeatWithTheSameHashAfterCompletionReturnsTheCompletedOutcomeWithoutMovingMoney() {
        givenFinishedTransfer(new TransferCompletedEvent(TRANSFER_ID))
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(
                        outcome(TransferStatus.COMPLETED, null, null, REQUESTED_AT, FINISHED_AT));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithTheSameHashAfterRejectionReturnsTheRejectionWithoutMovingMoney() {
        givenFinishedTransfer(new TransferRejectedEvent(TRANSFER_ID, ErrorCode.INSUFFICIENT_FUNDS, "insufficient"))
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(outcome(TransferStatus.REJECTED, ErrorCode.INSUFFICIENT_FUNDS,
                        "insufficient", REQUESTED_AT, FINISHED_AT));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithTheSameHashAfterFailureReturnsTheFailureWithoutMovingMoney() {
        givenFinishedTransfer(new TransferFailedEvent(TRANSFER_ID, ErrorCode.WALLET_FROZEN, "frozen"))
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(outcome(TransferStatus.FAILED, ErrorCode.WALLET_FROZEN, "frozen",
                        REQUESTED_AT, FINISHED_AT));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithADifferentHashIsRefusedWithIdempotencyKeyReused() {
        givenFinishedTransfer(new TransferCompletedEvent(TRANSFER_ID))
                .when(transferWithHash("hash-of-another-request"))
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void sendingTheSameRequestTwiceMovesMoneyOnce() {
        // givenCommands runs the first request through the handler and keeps what it stored as history.
        givenNoTransfer()
                .andGivenCommands(transfer())
                .when(transfer())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(decidedNow(TransferStatus.COMPLETED, null, null));

        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination());
    }

    /** A destination that refuses the incoming credit but accepts the refund to the source. */
    private static RecordingWalletStub.Answer<CreditWalletCommand> refuseOnlyTransferIn(MizaniException refusal) {
        return answering(command -> {
            if (command.kind() == PostingKind.TRANSFER_IN) {
                throw refusal;
            }
            return null;
        });
    }
}
