package com.mizani.command.transfer;

import com.mizani.command.support.CommandHarness;
import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferCompletedEvent;
import com.mizani.kernel.transfer.TransferFailedEvent;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferRejectedEvent;
import com.mizani.kernel.transfer.TransferRequestedEvent;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.mizani.command.support.RecordingWalletStub.answering;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

class TransferCommandHandlerTest {

    private static final UUID TRANSFER_ID = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID SOURCE = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final UUID DESTINATION = UUID.fromString("cccccccc-0000-0000-0000-000000000001");
    private static final Money AMOUNT = Money.of(50_000, CurrencyCode.KES);
    private static final String REQUEST_HASH = "hash-of-transfer-request";
    private static final String TRANSIT = "transit:KES";

    private CommandHarness harness;
    private RecordingWalletStub wallets;

    @BeforeEach
    void setUp() {
        harness = new CommandHarness();
        wallets = RecordingWalletStub.subscribedTo(harness);
        harness.withAnnotatedHandler(
                new TransferCommandHandler(harness.repository(Transfer.class), new WalletLegs(harness.gateway())));
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

    private CommandHarness given(Object... events) {
        return harness.given(Transfer.class, TRANSFER_ID, events);
    }

    private static void assertOutcome(TransferOutcome outcome, TransferStatus status, ErrorCode code, String reason) {
        assertThat(outcome.transferId()).isEqualTo(TRANSFER_ID);
        assertThat(outcome.sourceWalletId()).isEqualTo(SOURCE);
        assertThat(outcome.destinationWalletId()).isEqualTo(DESTINATION);
        assertThat(outcome.amount()).isEqualTo(AMOUNT);
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.failureCode()).isEqualTo(code);
        assertThat(outcome.failureReason()).isEqualTo(reason);
        assertThat(outcome.requestedAt()).isNotNull();
        assertThat(outcome.finishedAt()).isNotNull().isAfterOrEqualTo(outcome.requestedAt());
    }

    // ---- first execution -----------------------------------------------------------------------------------

    @Test
    void transferBetweenAcceptingWalletsCompletes() {
        harness.when(transfer())
                .expectEvents(requested(), new TransferCompletedEvent(TRANSFER_ID))
                .expectResultSatisfying(TransferOutcome.class,
                        outcome -> assertOutcome(outcome, TransferStatus.COMPLETED, null, null));
        assertThat(harness.storedEvents(TRANSFER_ID)).containsExactly(requested(), new TransferCompletedEvent(TRANSFER_ID));
    }

    @Test
    void completedTransferDebitsTheSourceIntoTransitThenCreditsTheDestinationOutOfTransit() {
        harness.when(transfer()).expectSuccess();

        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination());
    }

    @Test
    void sourceRefusingTheDebitRejectsTheTransferWithTheRefusalsCode() {
        String reason = "available balance 10.00 KES is less than 500.00 KES";
        wallets.onDebit(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, reason)));

        harness.when(transfer())
                .expectEvents(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.INSUFFICIENT_FUNDS, reason))
                .expectResultSatisfying(TransferOutcome.class,
                        outcome -> assertOutcome(outcome, TransferStatus.REJECTED, ErrorCode.INSUFFICIENT_FUNDS, reason));
    }

    @Test
    void sourceRefusingTheDebitMeansNoCreditIsDispatched() {
        wallets.onDebit(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "insufficient")));

        harness.when(transfer()).expectSuccess();

        assertThat(wallets.received()).containsExactly(debitOfSource());
    }

    @Test
    void unknownSourceWalletRejectsTheTransferWithWalletNotFound() {
        wallets.onDebit(throwing(new AggregateNotFoundException(SOURCE.toString(), "no events for " + SOURCE)));
        String reason = "wallet " + SOURCE + " does not exist";

        harness.when(transfer())
                .expectEvents(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.WALLET_NOT_FOUND, reason))
                .expectResultSatisfying(TransferOutcome.class,
                        outcome -> assertOutcome(outcome, TransferStatus.REJECTED, ErrorCode.WALLET_NOT_FOUND, reason));
        assertThat(wallets.received(CreditWalletCommand.class)).isEmpty();
    }

    @Test
    void destinationRefusingTheCreditFailsTheTransferWithTheRefusalsCode() {
        String reason = "wallet " + DESTINATION + " is frozen";
        wallets.onCredit(refuseOnlyTransferIn(new MizaniException(ErrorCode.WALLET_FROZEN, reason)));

        harness.when(transfer())
                .expectEvents(requested(), new TransferFailedEvent(TRANSFER_ID, ErrorCode.WALLET_FROZEN, reason))
                .expectResultSatisfying(TransferOutcome.class,
                        outcome -> assertOutcome(outcome, TransferStatus.FAILED, ErrorCode.WALLET_FROZEN, reason));
    }

    @Test
    void destinationRefusingTheCreditRefundsTheSourceWithAReversalOutOfTransit() {
        wallets.onCredit(refuseOnlyTransferIn(new MizaniException(ErrorCode.WALLET_FROZEN, "frozen")));

        harness.when(transfer()).expectSuccess();

        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination(), refundOfSource());
    }

    @Test
    void refundThatCannotLandIsAFaultThatStoresNothing() {
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_CLOSED, "closed")));

        harness.when(transfer())
                .expectFailure(IllegalStateException.class)
                .expectNoEvents();
        assertThat(harness.storedEvents(TRANSFER_ID)).isEmpty();
        assertThat(wallets.received()).containsExactly(debitOfSource(), creditOfDestination(), refundOfSource());
    }

    @Test
    void unexpectedDebitFailurePropagatesAndStoresNothing() {
        wallets.onDebit(throwing(new IllegalStateException("event store unavailable")));

        CommandHarness.Outcome outcome = harness.when(transfer())
                .expectFailure(IllegalStateException.class)
                .expectNoEvents();
        assertThat(outcome.failure()).hasMessage("event store unavailable");
        assertThat(harness.storedEvents(TRANSFER_ID)).isEmpty();
        assertThat(wallets.received(CreditWalletCommand.class)).isEmpty();
    }

    @Test
    void unexpectedCreditFailurePropagatesAndStoresNothing() {
        wallets.onCredit(throwing(new IllegalStateException("deadlock")));

        harness.when(transfer())
                .expectFailure(IllegalStateException.class)
                .expectNoEvents();
        assertThat(harness.storedEvents(TRANSFER_ID)).isEmpty();
    }

    @Test
    void afterAFaultTheSameRequestCanBeRetriedAndCompletes() {
        wallets.onDebit(throwing(new IllegalStateException("transient")));
        harness.when(transfer()).expectFailure(IllegalStateException.class);

        wallets.onDebit(command -> null);
        harness.when(transfer())
                .expectEvents(requested(), new TransferCompletedEvent(TRANSFER_ID));
    }

    // ---- repeated requests ---------------------------------------------------------------------------------

    @Test
    void repeatWithTheSameHashAfterCompletionReturnsTheCompletedOutcomeWithoutMovingMoney() {
        given(requested(), new TransferCompletedEvent(TRANSFER_ID))
                .when(transfer())
                .expectNoEvents()
                .expectResultSatisfying(TransferOutcome.class,
                        outcome -> assertOutcome(outcome, TransferStatus.COMPLETED, null, null));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithTheSameHashAfterRejectionReturnsTheRejectionWithoutMovingMoney() {
        given(requested(), new TransferRejectedEvent(TRANSFER_ID, ErrorCode.INSUFFICIENT_FUNDS, "insufficient"))
                .when(transfer())
                .expectNoEvents()
                .expectResultSatisfying(TransferOutcome.class, outcome ->
                        assertOutcome(outcome, TransferStatus.REJECTED, ErrorCode.INSUFFICIENT_FUNDS, "insufficient"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithTheSameHashAfterFailureReturnsTheFailureWithoutMovingMoney() {
        given(requested(), new TransferFailedEvent(TRANSFER_ID, ErrorCode.WALLET_FROZEN, "frozen"))
                .when(transfer())
                .expectNoEvents()
                .expectResultSatisfying(TransferOutcome.class, outcome ->
                        assertOutcome(outcome, TransferStatus.FAILED, ErrorCode.WALLET_FROZEN, "frozen"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithADifferentHashIsRefusedWithIdempotencyKeyReused() {
        given(requested(), new TransferCompletedEvent(TRANSFER_ID))
                .when(transferWithHash("hash-of-another-request"))
                .expectRefusal(ErrorCode.IDEMPOTENCY_KEY_REUSED)
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void sendingTheSameRequestTwiceMovesMoneyOnce() {
        harness.when(transfer()).expectSuccess();
        harness.when(transfer())
                .expectNoEvents()
                .expectResultSatisfying(TransferOutcome.class,
                        outcome -> assertOutcome(outcome, TransferStatus.COMPLETED, null, null));

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
