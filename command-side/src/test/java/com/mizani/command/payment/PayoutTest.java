package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentRejectedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResult.Outcome;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.RecordDepositCommand;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.wallet.CaptureReservationCommand;
import com.mizani.kernel.wallet.CaptureReservationCommand.Capture;
import com.mizani.kernel.wallet.ReleaseReservationCommand;
import com.mizani.kernel.wallet.ReserveFundsCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.FailureMatchers.withRootCause;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

/** Payouts: the request with its reservation, and every way a provider message can end (or not end) one. */
class PayoutTest {

    private static final UUID PAYMENT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");
    private static final Money AMOUNT = Money.of(100_000, CurrencyCode.KES);
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");
    private static final String HASH = "hash-of-withdrawal";

    private FixtureConfiguration<Payment> fixture;
    private RecordingWalletStub wallets;

    @BeforeEach
    void setUp() {
        setUpWith(SettleWindowTesting.PASSED);
    }

    private void setUpWith(SettleWindow settleWindow) {
        PaymentFixture payments = PaymentFixture.with(settleWindow);
        fixture = payments.fixture();
        wallets = payments.wallets();
    }

    private static RequestWithdrawalCommand request(String hash) {
        return new RequestWithdrawalCommand(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, hash);
    }

    private static Object[] reserved() {
        return new Object[]{new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, HASH),
                new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN)};
    }

    private static Object[] submitted() {
        return new Object[]{new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, HASH),
                new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN),
                new PaymentSubmittedEvent(PAYMENT, "AG_1")};
    }

    private static ApplyProviderResultCommand result(Evidence evidence, Outcome outcome, String code, Long amountMinor) {
        return new ApplyProviderResultCommand(PAYMENT, new ProviderResult(evidence, outcome, code, "desc", "RCPT1",
                amountMinor, MSISDN.value(), "AG_1"));
    }

    @Test
    void aRequestReservesAmountPlusFee() {
        fixture.givenNoPriorActivity()
                .when(request(HASH))
                .expectEvents(new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, HASH),
                        new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN));
        assertThat(wallets.received()).containsExactly(new ReserveFundsCommand(WALLET, PAYMENT, AMOUNT.plus(FEE)));
    }

    @Test
    void aRefusedReservationRejectsThePayment() {
        wallets.onReserve(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "not enough")));
        fixture.givenNoPriorActivity()
                .when(request(HASH))
                .expectEvents(new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, HASH),
                        new PaymentRejectedEvent(PAYMENT, ErrorCode.INSUFFICIENT_FUNDS, "not enough"));
    }

    @Test
    void aRepeatedRequestChangesNothingAndAnotherPayloadConflicts() {
        fixture.given(submitted()).when(request(HASH)).expectNoEvents();
        fixture.given(submitted()).when(request("other")).expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aMatchingPaidResultCapturesAmountAndFeeAndConfirms() {
        fixture.given(submitted())
                .when(result(Evidence.CALLBACK, Outcome.PAID, "0", 100_000L))
                .expectEvents(new PaymentConfirmedEvent(PAYMENT, "RCPT1", Evidence.CALLBACK));
        assertThat(wallets.received()).containsExactly(new CaptureReservationCommand(WALLET, PAYMENT, List.of(
                new Capture(AMOUNT, PostingKind.WITHDRAWAL, "provider:mpesa:settlement:KES"),
                new Capture(FEE, PostingKind.FEE, "fees:KES"))));
    }

    @Test
    void aPaidResultForAnotherAmountGoesToReviewAndMovesNothing() {
        fixture.given(submitted())
                .when(result(Evidence.CALLBACK, Outcome.PAID, "0", 900_000L))
                .expectEvents(new PaymentReviewRequiredEvent(PAYMENT, "the provider reports 9000.00 but we asked for 1000.00"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aPaidResultForAnotherNumberGoesToReview() {
        fixture.given(submitted())
                .when(new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.CALLBACK, Outcome.PAID, "0",
                        "desc", "RCPT1", 100_000L, "254711111111", "AG_1")))
                .expectEvents(new PaymentReviewRequiredEvent(PAYMENT, "the provider reports another mobile number than the request's"));
    }

    @Test
    void aNotPaidResultReleasesAndFails() {
        fixture.given(submitted())
                .when(result(Evidence.CALLBACK, Outcome.NOT_PAID, "2001", null))
                .expectEvents(new PaymentFailedEvent(PAYMENT, "2001", "desc", Evidence.CALLBACK));
        assertThat(wallets.received()).containsExactly(new ReleaseReservationCommand(WALLET, PAYMENT));
    }

    @Test
    void aRepeatedResultAfterTheOutcomeIsRecordedAndIgnored() {
        ApplyProviderResultCommand late = result(Evidence.CALLBACK, Outcome.PAID, "0", 100_000L);
        fixture.given(submitted()).andGiven(new PaymentConfirmedEvent(PAYMENT, "RCPT1", Evidence.STATUS_QUERY))
                .when(late)
                .expectEvents(new ProviderResultIgnoredEvent(PAYMENT, late.result(),
                        "the payment is already SETTLED; a late or repeated message changes nothing"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void anUndecidedStatusAnswerDecidesNothing() {
        ApplyProviderResultCommand unknown = result(Evidence.STATUS_QUERY, Outcome.UNKNOWN, "2001", null);
        fixture.given(submitted()).when(unknown)
                .expectEvents(new ProviderResultIgnoredEvent(PAYMENT, unknown.result(), "not a definitive answer: 2001 desc"));
    }

    @Test
    void aQueueTimeoutMakesASubmittedPayoutAmbiguous() {
        fixture.given(submitted())
                .when(result(Evidence.QUEUE_TIMEOUT, Outcome.UNKNOWN, "1037", null))
                .expectEvents(new PaymentAmbiguousEvent(PAYMENT, "the provider's queue timed out: desc"));
    }

    @Test
    void aLateAcknowledgementChangesNothing() {
        fixture.given(submitted()).andGiven(new PaymentFailedEvent(PAYMENT, "404", "not paid", Evidence.STATUS_QUERY))
                .when(new MarkPaymentSubmittedCommand(PAYMENT, "AG_2"))
                .expectNoEvents();
    }

    @Test
    void resultsForAPaymentInReviewAreIgnored() {
        ApplyProviderResultCommand paid = result(Evidence.STATUS_QUERY, Outcome.PAID, "0", 100_000L);
        fixture.given(submitted()).andGiven(new PaymentReviewRequiredEvent(PAYMENT, "mismatch"))
                .when(paid)
                .expectEvents(new ProviderResultIgnoredEvent(PAYMENT, paid.result(),
                        "the payment is in manual review; an operator decides it"));
    }

    @Test
    void aResultForAnUnknownPaymentIsRefused() {
        fixture.givenNoPriorActivity()
                .when(result(Evidence.CALLBACK, Outcome.PAID, "0", 100_000L))
                .expectException(refusal(ErrorCode.PAYMENT_NOT_FOUND));
    }

    // ---- the provider conversation: a payout waits for the provider only once its money is held ------------------

    @Test
    void anAcknowledgementSubmitsAReservedPayout() {
        fixture.given(reserved())
                .when(new MarkPaymentSubmittedCommand(PAYMENT, "AG_1"))
                .expectEvents(new PaymentSubmittedEvent(PAYMENT, "AG_1"));
    }

    @Test
    void aSecondAcknowledgementChangesNothing() {
        fixture.given(submitted())
                .when(new MarkPaymentSubmittedCommand(PAYMENT, "AG_2"))
                .expectNoEvents();
    }

    /** A payout refused its reservation never went to the provider: nothing it could acknowledge. */
    @Test
    void aRejectedPayoutTakesNoAcknowledgementAndNoReview() {
        Object[] rejected = {new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, HASH),
                new PaymentRejectedEvent(PAYMENT, ErrorCode.INSUFFICIENT_FUNDS, "not enough")};
        fixture.given(rejected).when(new MarkPaymentSubmittedCommand(PAYMENT, "AG_1")).expectNoEvents();
        fixture.given(rejected).when(new MarkPaymentAmbiguousCommand(PAYMENT, "timed out")).expectNoEvents();
        fixture.given(rejected).when(new RequirePaymentReviewCommand(PAYMENT, "no answer")).expectNoEvents();
    }

    @Test
    void aSendWithoutAnswerMakesAReservedPayoutAmbiguousButNotASubmittedOne() {
        fixture.given(reserved())
                .when(new MarkPaymentAmbiguousCommand(PAYMENT, "timed out after 10 s"))
                .expectEvents(new PaymentAmbiguousEvent(PAYMENT, "timed out after 10 s"));
        fixture.given(submitted())
                .when(new MarkPaymentAmbiguousCommand(PAYMENT, "timed out after 10 s"))
                .expectNoEvents();
    }

    @Test
    void noAnswerAfterTheStatusQueriesPutsAnAmbiguousPayoutInReviewButNotASettledOne() {
        fixture.given(submitted()).andGiven(new PaymentAmbiguousEvent(PAYMENT, "queue timeout"))
                .when(new RequirePaymentReviewCommand(PAYMENT, "no definitive answer"))
                .expectEvents(new PaymentReviewRequiredEvent(PAYMENT, "no definitive answer"));
        fixture.given(submitted()).andGiven(new PaymentConfirmedEvent(PAYMENT, "RCPT1", Evidence.CALLBACK))
                .when(new RequirePaymentReviewCommand(PAYMENT, "no definitive answer"))
                .expectNoEvents();
    }

    @Test
    void aResultBeforeTheAcknowledgementStillSettlesAReservedPayout() {
        fixture.given(reserved())
                .when(result(Evidence.CALLBACK, Outcome.PAID, "0", 100_000L))
                .expectEvents(new PaymentConfirmedEvent(PAYMENT, "RCPT1", Evidence.CALLBACK));
        assertThat(wallets.received(CaptureReservationCommand.class)).hasSize(1);
    }

    /** The repeat is compared by fingerprint alone: another kind of request under the payout's id is a conflict. */
    @Test
    void aDepositUnderThePayoutsIdConflicts() {
        fixture.given(submitted())
                .when(new RecordDepositCommand(PAYMENT, WALLET, AMOUNT, PaymentMethod.CASH, "hash-of-deposit"))
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    /** The pair assertion: only a deposit that matched no wallet is credited to one an operator names. */
    @Test
    void aStoredResolutionNamingAWalletForAPayoutIsNeverLoaded() {
        UUID other = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000099");
        fixture.given(submitted()).andGiven(new PaymentReviewRequiredEvent(PAYMENT, "mismatch"),
                        new PaymentReviewResolvedEvent(PAYMENT, true, "why", "ops.jane", other))
                .when(new MarkPaymentSubmittedCommand(PAYMENT, "AG_2"))
                .expectException(withRootCause(IllegalStateException.class,
                        "a resolution of a payout named wallet %s; a payout's wallet never changes".formatted(other)));
    }

    // ---- the settle window: "no such payout" is believed only late and twice -----------------------------------

    private static ApplyProviderResultCommand notFound() {
        return new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.STATUS_QUERY, Outcome.NOT_FOUND, "404",
                "No payout was made for this OriginatorConversationID.", null, null, null, "AG_1"));
    }

    private static ProviderResultIgnoredEvent notYet(ApplyProviderResultCommand answer) {
        return new ProviderResultIgnoredEvent(PAYMENT, answer.result(), "not yet: the provider has no such payment so far "
                + "(404 No payout was made for this OriginatorConversationID.); believed only after the settle window "
                + "and a second such answer");
    }

    @Test
    void aFirstNotFoundIsNotBelievedEvenAfterTheWindow() {
        ApplyProviderResultCommand answer = notFound();
        fixture.given(submitted())
                .when(answer)
                .expectEvents(notYet(answer));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aSecondNotFoundInARowAfterTheWindowReleasesAndFails() {
        ApplyProviderResultCommand answer = notFound();
        fixture.given(submitted()).andGiven(notYet(answer))
                .when(answer)
                .expectEvents(new PaymentFailedEvent(PAYMENT, "404", "the provider has no such payment, twice and after "
                        + "the settle window: No payout was made for this OriginatorConversationID.", Evidence.STATUS_QUERY));
        assertThat(wallets.received()).containsExactly(new ReleaseReservationCommand(WALLET, PAYMENT));
    }

    @Test
    void notFoundAnswersInsideTheWindowAreNotBelievedHoweverMany() {
        setUpWith(SettleWindowTesting.OPEN);
        ApplyProviderResultCommand answer = notFound();
        fixture.given(submitted()).andGiven(notYet(answer), notYet(answer))
                .when(answer)
                .expectEvents(notYet(answer));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void anotherStatusAnswerBetweenTwoNotFoundsBreaksTheRun() {
        ApplyProviderResultCommand answer = notFound();
        ProviderResult pending = new ProviderResult(Evidence.STATUS_QUERY, Outcome.UNKNOWN, "1", "pending", null, null,
                null, "AG_1");
        fixture.given(submitted()).andGiven(notYet(answer), new ProviderResultIgnoredEvent(PAYMENT, pending, "pending"))
                .when(answer)
                .expectEvents(notYet(answer));
        assertThat(wallets.received()).isEmpty();
    }
}
