package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResult.Outcome;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.RecordC2bConfirmationCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

/** STK push results and C2B confirmations: each credits a wallet once, or parks the money for an operator. */
class DepositCallbacksTest {

    private static final UUID PAYMENT = UUID.fromString("cccccccc-0000-0000-0000-000000000002");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000003");
    private static final Money AMOUNT = Money.of(50_000, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");
    private static final String SETTLEMENT = "provider:mpesa:settlement:KES";

    private FixtureConfiguration<Payment> fixture;
    private RecordingWalletStub wallets;

    @BeforeEach
    void setUp() {
        PaymentFixture payments = PaymentFixture.with(SettleWindowTesting.PASSED);
        fixture = payments.fixture();
        wallets = payments.wallets();
    }

    /** Recorded and accepted: the push may be on its way to the phone, unacknowledged. */
    private static Object[] accepted() {
        return new Object[]{new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, "hash"),
                new MobileDepositAcceptedEvent(PAYMENT, WALLET, AMOUNT, MSISDN)};
    }

    private static Object[] pushed() {
        return new Object[]{new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, "hash"),
                new MobileDepositAcceptedEvent(PAYMENT, WALLET, AMOUNT, MSISDN),
                new PaymentSubmittedEvent(PAYMENT, "ws_CO_1")};
    }

    private static ApplyProviderResultCommand stk(Outcome outcome, String code, Long amountMinor) {
        return new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.CALLBACK, outcome, code, "desc",
                outcome == Outcome.PAID ? "NLJ7RT61SV" : null, amountMinor, MSISDN.value(), "ws_CO_1"));
    }

    @Test
    void anApprovedPushCreditsFromTheProviderSettlement() {
        fixture.given(pushed())
                .when(stk(Outcome.PAID, "0", 50_000L))
                .expectEvents(new PaymentConfirmedEvent(PAYMENT, "NLJ7RT61SV", Evidence.CALLBACK));
        assertThat(wallets.received()).containsExactly(
                new CreditWalletCommand(WALLET, PAYMENT, AMOUNT, PostingKind.DEPOSIT, SETTLEMENT));
    }

    @Test
    void aCancelledPushFailsAndCreditsNothing() {
        fixture.given(pushed())
                .when(stk(Outcome.NOT_PAID, "1032", null))
                .expectEvents(new PaymentFailedEvent(PAYMENT, "1032", "desc", Evidence.CALLBACK));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aRepeatedApprovalCreditsOnce() {
        ApplyProviderResultCommand again = stk(Outcome.PAID, "0", 50_000L);
        fixture.given(pushed()).andGiven(new PaymentConfirmedEvent(PAYMENT, "NLJ7RT61SV", Evidence.CALLBACK))
                .when(again)
                .expectEvents(new ProviderResultIgnoredEvent(PAYMENT, again.result(),
                        "the payment is already SETTLED; a late or repeated message changes nothing"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void moneyAWalletRefusesIsParkedForReview() {
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_CLOSED, "closed")));
        fixture.given(pushed())
                .when(stk(Outcome.PAID, "0", 50_000L))
                .expectEvents(new PaymentReviewRequiredEvent(PAYMENT,
                        "the provider received the money but the wallet refused it: closed"));
    }

    @Test
    void aPayBillPaymentCreditsTheWalletItsReferenceNames() {
        fixture.givenNoPriorActivity()
                .when(new RecordC2bConfirmationCommand(PAYMENT, "RKTQDM7W6S", WALLET.toString(), AMOUNT, "2547 ***** 126"))
                .expectEvents(new C2bPaymentReceivedEvent(PAYMENT, "RKTQDM7W6S", WALLET.toString(), WALLET, AMOUNT, "2547 ***** 126"),
                        new PaymentConfirmedEvent(PAYMENT, "RKTQDM7W6S", Evidence.CALLBACK));
        assertThat(wallets.received()).containsExactly(
                new CreditWalletCommand(WALLET, PAYMENT, AMOUNT, PostingKind.DEPOSIT, SETTLEMENT));
    }

    @Test
    void aRepeatedTransIdIsRecordedButCreditsNothing() {
        fixture.given(new C2bPaymentReceivedEvent(PAYMENT, "RKTQDM7W6S", WALLET.toString(), WALLET, AMOUNT, "x"),
                        new PaymentConfirmedEvent(PAYMENT, "RKTQDM7W6S", Evidence.CALLBACK))
                .when(new RecordC2bConfirmationCommand(PAYMENT, "RKTQDM7W6S", WALLET.toString(), AMOUNT, "x"))
                .expectSuccessfulHandlerExecution();
        assertThat(wallets.received()).isEmpty();
        assertThat(fixture.getEventStore().readEvents(PAYMENT.toString()).asStream()
                .map(event -> event.getPayload().getClass())).last().isEqualTo(ProviderResultIgnoredEvent.class);
    }

    @Test
    void aPayBillPaymentNamingNoWalletIsParked() {
        fixture.givenNoPriorActivity()
                .when(new RecordC2bConfirmationCommand(PAYMENT, "RKTQDM7W6T", "ACC-42", AMOUNT, "x"))
                .expectEvents(new C2bPaymentReceivedEvent(PAYMENT, "RKTQDM7W6T", "ACC-42", null, AMOUNT, "x"),
                        new PaymentReviewRequiredEvent(PAYMENT, "the bill reference names no wallet"));
        assertThat(wallets.received()).isEmpty();
    }

    // ---- the provider conversation: a deposit holds nothing, so it awaits the provider from the start ---------------

    /** Unlike a payout, which waits for the provider only once RESERVED, an accepted push is REQUESTED when it goes out. */
    @Test
    void anAcceptedPushIsAcknowledgedWhileStillRequested() {
        fixture.given(accepted())
                .when(new MarkPaymentSubmittedCommand(PAYMENT, "ws_CO_1"))
                .expectEvents(new PaymentSubmittedEvent(PAYMENT, "ws_CO_1"));
    }

    @Test
    void aPushSentWithoutAnswerIsAmbiguous() {
        fixture.given(accepted())
                .when(new MarkPaymentAmbiguousCommand(PAYMENT, "connection reset"))
                .expectEvents(new PaymentAmbiguousEvent(PAYMENT, "connection reset"));
    }

    @Test
    void aLateAcknowledgementOfASettledDepositChangesNothing() {
        fixture.given(pushed()).andGiven(new PaymentConfirmedEvent(PAYMENT, "NLJ7RT61SV", Evidence.CALLBACK))
                .when(new MarkPaymentSubmittedCommand(PAYMENT, "ws_CO_1"))
                .expectNoEvents();
    }

    @Test
    void aRejectedPushTakesNoAcknowledgementAndNoReview() {
        Object[] rejected = {new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, "hash"),
                new PaymentRejectedEvent(PAYMENT, ErrorCode.WALLET_FROZEN, "frozen")};
        fixture.given(rejected).when(new MarkPaymentSubmittedCommand(PAYMENT, "ws_CO_1")).expectNoEvents();
        fixture.given(rejected).when(new RequirePaymentReviewCommand(PAYMENT, "no answer")).expectNoEvents();
    }

    @Test
    void anAcceptedPushWithoutAnyAnswerGoesToReview() {
        fixture.given(accepted())
                .when(new RequirePaymentReviewCommand(PAYMENT, "no definitive answer"))
                .expectEvents(new PaymentReviewRequiredEvent(PAYMENT, "no definitive answer"));
    }

    @Test
    void anApprovalBeforeTheAcknowledgementStillCredits() {
        fixture.given(accepted())
                .when(stk(Outcome.PAID, "0", 50_000L))
                .expectEvents(new PaymentConfirmedEvent(PAYMENT, "NLJ7RT61SV", Evidence.CALLBACK));
        assertThat(wallets.received()).containsExactly(
                new CreditWalletCommand(WALLET, PAYMENT, AMOUNT, PostingKind.DEPOSIT, SETTLEMENT));
    }

    /** Only a request the provider acknowledged can be lost in its queue. */
    @Test
    void aQueueTimeoutBeforeTheAcknowledgementDecidesNothing() {
        ApplyProviderResultCommand timeout = new ApplyProviderResultCommand(PAYMENT, new ProviderResult(
                Evidence.QUEUE_TIMEOUT, Outcome.UNKNOWN, "1037", "desc", null, null, null, "ws_CO_1"));
        fixture.given(accepted())
                .when(timeout)
                .expectEvents(new ProviderResultIgnoredEvent(PAYMENT, timeout.result(), "not a definitive answer: 1037 desc"));
    }

    @Test
    void aPayBillPaymentTheWalletRefusesIsParked() {
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_CLOSED, "closed")));
        fixture.givenNoPriorActivity()
                .when(new RecordC2bConfirmationCommand(PAYMENT, "RKTQDM7W6S", WALLET.toString(), AMOUNT, "x"))
                .expectEvents(new C2bPaymentReceivedEvent(PAYMENT, "RKTQDM7W6S", WALLET.toString(), WALLET, AMOUNT, "x"),
                        new PaymentReviewRequiredEvent(PAYMENT,
                                "the provider received the money but the wallet refused it: closed"));
    }
}
