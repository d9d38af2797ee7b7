package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.DepositRequestedEvent;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentSettledEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RecordDepositCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

class CashDepositTest {

    private static final UUID PAYMENT_ID = UUID.fromString("dddddddd-0000-0000-0000-000000000001");
    private static final UUID WALLET_ID = UUID.fromString("eeeeeeee-0000-0000-0000-000000000001");
    private static final Money AMOUNT = Money.of(125_050, CurrencyCode.KES);
    private static final String REQUEST_HASH = "hash-of-deposit-request";
    private static final String CASH_SETTLEMENT = "provider:cash:settlement:KES";
    /** The fixture's clock while the command under test runs: every event it applies is stamped with it. */
    private static final Instant NOW = Instant.parse("2025-06-02T10:15:30Z");
    /** When an earlier deposit was requested, and when it reached its outcome. */
    private static final Instant REQUESTED_AT = Instant.parse("2025-06-02T09:00:00Z");
    private static final Instant FINISHED_AT = Instant.parse("2025-06-02T09:00:02Z");

    private FixtureConfiguration<Payment> fixture;
    private RecordingWalletStub wallets;

    @BeforeEach
    void setUp() {
        PaymentFixture payments = PaymentFixture.with(SettleWindowTesting.PASSED);
        fixture = payments.fixture();
        wallets = payments.wallets();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static RecordDepositCommand deposit() {
        return depositWithHash(REQUEST_HASH);
    }

    private static RecordDepositCommand depositWithHash(String requestHash) {
        return new RecordDepositCommand(PAYMENT_ID, WALLET_ID, AMOUNT, PaymentMethod.CASH, requestHash);
    }

    private static DepositRequestedEvent requested() {
        return new DepositRequestedEvent(PAYMENT_ID, WALLET_ID, AMOUNT, PaymentMethod.CASH, REQUEST_HASH);
    }

    private static CreditWalletCommand creditFromCashSettlement() {
        return new CreditWalletCommand(WALLET_ID, PAYMENT_ID, AMOUNT, PostingKind.DEPOSIT, CASH_SETTLEMENT);
    }

    /** No payment with this id exists yet; the command under test runs at {@link #NOW}. */
    private TestExecutor<Payment> givenNoPayment() {
        return fixture.givenNoPriorActivity().andGivenCurrentTime(NOW);
    }

    /** A deposit requested at {@link #REQUESTED_AT} that reached {@code outcomeEvent} at {@link #FINISHED_AT}. */
    private TestExecutor<Payment> givenFinishedDeposit(Object outcomeEvent) {
        return fixture.givenCurrentTime(REQUESTED_AT).andGiven(requested())
                .andGivenCurrentTime(FINISHED_AT).andGiven(outcomeEvent)
                .andGivenCurrentTime(NOW);
    }

    /** The outcome the handler returns for this deposit. */
    private static PaymentOutcome outcome(PaymentStatus status, ErrorCode code, String reason,
                                          Instant requestedAt, Instant finishedAt) {
        return new PaymentOutcome(PAYMENT_ID, WALLET_ID, AMOUNT, Money.of(0, CurrencyCode.KES), PaymentMethod.CASH, status, code, reason, requestedAt,
                finishedAt);
    }

    /** The outcome of a deposit decided by the command under test: requested and finished at {@link #NOW}. */
    private static PaymentOutcome decidedNow(PaymentStatus status, ErrorCode code, String reason) {
        return outcome(status, code, reason, NOW, NOW);
    }

    /**
     * The payloads the fixture's event store holds for the payment: the given events and those a command stored.
     * The fixture's store answers a read of an aggregate it holds nothing for with AggregateNotFoundException.
     */
    private List<Object> storedEvents() {
        try {
            return fixture.getEventStore().readEvents(PAYMENT_ID.toString()).asStream()
                    .<Object>map(EventMessage::getPayload).toList();
        } catch (AggregateNotFoundException nothingStored) {
            return List.of();
        }
    }

    // ---- first execution -----------------------------------------------------------------------------------

    @Test
    void depositToAnAcceptingWalletSettles() {
        givenNoPayment()
                .when(deposit())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new PaymentSettledEvent(PAYMENT_ID))
                .expectResultMessagePayload(decidedNow(PaymentStatus.SETTLED, null, null));
        assertThat(storedEvents()).containsExactly(requested(), new PaymentSettledEvent(PAYMENT_ID));
    }

    @Test
    void settledDepositCreditsTheWalletFromTheCashProvidersSettlementAccount() {
        givenNoPayment()
                .when(deposit())
                .expectSuccessfulHandlerExecution();

        assertThat(wallets.received()).containsExactly(creditFromCashSettlement());
    }

    @Test
    void walletRefusingTheCreditRejectsThePaymentWithTheRefusalsCode() {
        String reason = "wallet " + WALLET_ID + " is frozen";
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_FROZEN, reason)));

        givenNoPayment()
                .when(deposit())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new PaymentRejectedEvent(PAYMENT_ID, ErrorCode.WALLET_FROZEN, reason))
                .expectResultMessagePayload(decidedNow(PaymentStatus.REJECTED, ErrorCode.WALLET_FROZEN, reason));
        assertThat(wallets.received()).containsExactly(creditFromCashSettlement());
    }

    @Test
    void unknownWalletRejectsThePaymentWithWalletNotFound() {
        wallets.onCredit(throwing(new AggregateNotFoundException(WALLET_ID.toString(), "no events for " + WALLET_ID)));
        String reason = "wallet " + WALLET_ID + " does not exist";

        givenNoPayment()
                .when(deposit())
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested(), new PaymentRejectedEvent(PAYMENT_ID, ErrorCode.WALLET_NOT_FOUND, reason));
    }

    @Test
    void unexpectedCreditFailurePropagatesAndStoresNothing() {
        wallets.onCredit(throwing(new IllegalStateException("event store unavailable")));

        givenNoPayment()
                .when(deposit())
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("event store unavailable")
                .expectNoEvents();
        assertThat(storedEvents()).isEmpty();
    }

    // ---- repeated requests ---------------------------------------------------------------------------------

    @Test
    void repeatWithTheSameHashAfterSettlementReturnsTheSettledOutcomeWithoutCreditingAgain() {
        givenFinishedDeposit(new PaymentSettledEvent(PAYMENT_ID))
                .when(deposit())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(outcome(PaymentStatus.SETTLED, null, null, REQUESTED_AT, FINISHED_AT));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithTheSameHashAfterRejectionReturnsTheRejectionWithoutCreditingAgain() {
        givenFinishedDeposit(new PaymentRejectedEvent(PAYMENT_ID, ErrorCode.WALLET_FROZEN, "frozen"))
                .when(deposit())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(outcome(PaymentStatus.REJECTED, ErrorCode.WALLET_FROZEN, "frozen",
                        REQUESTED_AT, FINISHED_AT));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithADifferentHashIsRefusedWithIdempotencyKeyReused() {
        givenFinishedDeposit(new PaymentSettledEvent(PAYMENT_ID))
                .when(depositWithHash("hash-of-another-request"))
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void sendingTheSameDepositTwiceCreditsTheWalletOnce() {
        // givenCommands runs the first deposit through the handler and keeps what it stored as history.
        givenNoPayment()
                .andGivenCommands(deposit())
                .when(deposit())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(decidedNow(PaymentStatus.SETTLED, null, null));

        assertThat(wallets.received()).containsExactly(creditFromCashSettlement());
    }
}
