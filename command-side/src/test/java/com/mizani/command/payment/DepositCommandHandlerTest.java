package com.mizani.command.payment;

import com.mizani.command.support.CommandHarness;
import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.WalletLegs;
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
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

class DepositCommandHandlerTest {

    private static final UUID PAYMENT_ID = UUID.fromString("dddddddd-0000-0000-0000-000000000001");
    private static final UUID WALLET_ID = UUID.fromString("eeeeeeee-0000-0000-0000-000000000001");
    private static final Money AMOUNT = Money.of(125_050, CurrencyCode.KES);
    private static final String REQUEST_HASH = "hash-of-deposit-request";
    private static final String CASH_SETTLEMENT = "provider:cash:settlement:KES";

    private CommandHarness harness;
    private RecordingWalletStub wallets;

    @BeforeEach
    void setUp() {
        harness = new CommandHarness();
        wallets = RecordingWalletStub.subscribedTo(harness);
        harness.withAnnotatedHandler(
                new DepositCommandHandler(harness.repository(Payment.class), new WalletLegs(harness.gateway())));
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

    private CommandHarness given(Object... events) {
        return harness.given(Payment.class, PAYMENT_ID, events);
    }

    private static void assertOutcome(PaymentOutcome outcome, PaymentStatus status, ErrorCode code, String reason) {
        assertThat(outcome.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(outcome.walletId()).isEqualTo(WALLET_ID);
        assertThat(outcome.amount()).isEqualTo(AMOUNT);
        assertThat(outcome.method()).isEqualTo(PaymentMethod.CASH);
        assertThat(outcome.status()).isEqualTo(status);
        assertThat(outcome.failureCode()).isEqualTo(code);
        assertThat(outcome.failureReason()).isEqualTo(reason);
        assertThat(outcome.requestedAt()).isNotNull();
        assertThat(outcome.finishedAt()).isNotNull().isAfterOrEqualTo(outcome.requestedAt());
    }

    // ---- first execution -----------------------------------------------------------------------------------

    @Test
    void depositToAnAcceptingWalletSettles() {
        harness.when(deposit())
                .expectEvents(requested(), new PaymentSettledEvent(PAYMENT_ID))
                .expectResultSatisfying(PaymentOutcome.class,
                        outcome -> assertOutcome(outcome, PaymentStatus.SETTLED, null, null));
        assertThat(harness.storedEvents(PAYMENT_ID)).containsExactly(requested(), new PaymentSettledEvent(PAYMENT_ID));
    }

    @Test
    void settledDepositCreditsTheWalletFromTheCashProvidersSettlementAccount() {
        harness.when(deposit()).expectSuccess();

        assertThat(wallets.received()).containsExactly(creditFromCashSettlement());
    }

    @Test
    void walletRefusingTheCreditRejectsThePaymentWithTheRefusalsCode() {
        String reason = "wallet " + WALLET_ID + " is frozen";
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_FROZEN, reason)));

        harness.when(deposit())
                .expectEvents(requested(), new PaymentRejectedEvent(PAYMENT_ID, ErrorCode.WALLET_FROZEN, reason))
                .expectResultSatisfying(PaymentOutcome.class,
                        outcome -> assertOutcome(outcome, PaymentStatus.REJECTED, ErrorCode.WALLET_FROZEN, reason));
        assertThat(wallets.received()).containsExactly(creditFromCashSettlement());
    }

    @Test
    void unknownWalletRejectsThePaymentWithWalletNotFound() {
        wallets.onCredit(throwing(new AggregateNotFoundException(WALLET_ID.toString(), "no events for " + WALLET_ID)));
        String reason = "wallet " + WALLET_ID + " does not exist";

        harness.when(deposit())
                .expectEvents(requested(), new PaymentRejectedEvent(PAYMENT_ID, ErrorCode.WALLET_NOT_FOUND, reason));
    }

    @Test
    void unexpectedCreditFailurePropagatesAndStoresNothing() {
        wallets.onCredit(throwing(new IllegalStateException("event store unavailable")));

        CommandHarness.Outcome outcome = harness.when(deposit())
                .expectFailure(IllegalStateException.class)
                .expectNoEvents();
        assertThat(outcome.failure()).hasMessage("event store unavailable");
        assertThat(harness.storedEvents(PAYMENT_ID)).isEmpty();
    }

    // ---- repeated requests ---------------------------------------------------------------------------------

    @Test
    void repeatWithTheSameHashAfterSettlementReturnsTheSettledOutcomeWithoutCreditingAgain() {
        given(requested(), new PaymentSettledEvent(PAYMENT_ID))
                .when(deposit())
                .expectNoEvents()
                .expectResultSatisfying(PaymentOutcome.class,
                        outcome -> assertOutcome(outcome, PaymentStatus.SETTLED, null, null));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithTheSameHashAfterRejectionReturnsTheRejectionWithoutCreditingAgain() {
        given(requested(), new PaymentRejectedEvent(PAYMENT_ID, ErrorCode.WALLET_FROZEN, "frozen"))
                .when(deposit())
                .expectNoEvents()
                .expectResultSatisfying(PaymentOutcome.class,
                        outcome -> assertOutcome(outcome, PaymentStatus.REJECTED, ErrorCode.WALLET_FROZEN, "frozen"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void repeatWithADifferentHashIsRefusedWithIdempotencyKeyReused() {
        given(requested(), new PaymentSettledEvent(PAYMENT_ID))
                .when(depositWithHash("hash-of-another-request"))
                .expectRefusal(ErrorCode.IDEMPOTENCY_KEY_REUSED)
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void sendingTheSameDepositTwiceCreditsTheWalletOnce() {
        harness.when(deposit()).expectSuccess();
        harness.when(deposit())
                .expectNoEvents()
                .expectResultSatisfying(PaymentOutcome.class,
                        outcome -> assertOutcome(outcome, PaymentStatus.SETTLED, null, null));

        assertThat(wallets.received()).containsExactly(creditFromCashSettlement());
    }
}
