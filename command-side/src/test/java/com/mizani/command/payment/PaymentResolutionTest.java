package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApprovePaymentResolutionCommand;
import com.mizani.kernel.payment.C2bPaymentReceivedEvent;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentResolutionApprovedEvent;
import com.mizani.kernel.payment.PaymentResolutionProposedEvent;
import com.mizani.kernel.payment.PaymentResolutionRejectedEvent;
import com.mizani.kernel.payment.PaymentReview;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentReviewResolvedEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.PendingResolution;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;
import com.mizani.kernel.payment.RejectPaymentResolutionCommand;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.wallet.CaptureReservationCommand;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.ReleaseReservationCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.hamcrest.Matcher;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.FailureMatchers.withRootCause;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Four eyes on payments in review: one principal proposes how the payment ends, another approves it (and only then
 * does money move) or rejects it. The same principal can never do both, whatever roles it holds: the payment compares
 * principal ids and knows nothing of roles.
 */
class PaymentResolutionTest {

    private static final UUID PAYMENT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000009");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000009");
    private static final UUID OTHER_WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000010");
    private static final UUID PROPOSAL = UUID.fromString("99999999-0000-0000-0000-000000000001");
    private static final Money AMOUNT = Money.of(100_000, CurrencyCode.KES);
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");
    private static final String MAKER = "ops.jane";
    private static final String CHECKER = "ops.amina";
    private static final String WHY = "statement line TESTRCPT01 shows KES 1000";
    private static final Instant PROPOSED_AT = Instant.parse("2026-11-21T10:00:00Z");

    private FixtureConfiguration<Payment> fixture;
    private RecordingWalletStub wallets;
    private StubWalletChecks walletChecks;

    @BeforeEach
    void setUp() {
        PaymentFixture payments = PaymentFixture.with(SettleWindowTesting.PASSED);
        fixture = payments.fixture();
        wallets = payments.wallets();
        walletChecks = payments.walletChecks();
    }

    /** A payout whose callback reported another amount: it waits for operators, its money still reserved. */
    private TestExecutor<Payment> givenPayoutInReview() {
        return fixture.given(new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, "hash"),
                new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN),
                new PaymentSubmittedEvent(PAYMENT, "AG_1"),
                new PaymentReviewRequiredEvent(PAYMENT, "the provider reports 9000.00 but we asked for 1000.00"));
    }

    private TestExecutor<Payment> givenProposed(boolean paid) {
        return givenPayoutInReview().andGivenCurrentTime(PROPOSED_AT)
                .andGiven(new PaymentResolutionProposedEvent(PAYMENT, PROPOSAL, paid, WHY, null, MAKER));
    }

    /** A pay-bill payment whose reference named no wallet, parked for review. */
    private TestExecutor<Payment> givenParkedPayBill() {
        return fixture.given(new C2bPaymentReceivedEvent(PAYMENT, "RKTQDM7W6T", "ACC-42", null, AMOUNT, "x"),
                new PaymentReviewRequiredEvent(PAYMENT, "the bill reference names no wallet"));
    }

    private static ProposePaymentResolutionCommand propose(boolean paid, String by) {
        return new ProposePaymentResolutionCommand(PAYMENT, PROPOSAL, paid, WHY, null, by);
    }

    private static ApprovePaymentResolutionCommand approve(String by) {
        return new ApprovePaymentResolutionCommand(PAYMENT, null, by, "checked the statement too");
    }

    private static Matcher<PaymentReview> review(PaymentStatus status, PendingResolution pending) {
        return Matchers.predicate(answer -> answer.payment().status() == status
                && Objects.equals(answer.pendingResolution(), pending));
    }

    // ---- proposing ----------------------------------------------------------------------------------------------

    @Test
    void aProposalIsAnEventAndMovesNothing() {
        givenPayoutInReview().andGivenCurrentTime(PROPOSED_AT)
                .when(propose(true, MAKER))
                .expectEvents(new PaymentResolutionProposedEvent(PAYMENT, PROPOSAL, true, WHY, null, MAKER))
                .expectResultMessagePayloadMatching(review(PaymentStatus.MANUAL_REVIEW,
                        new PendingResolution(PROPOSAL, "PAID", WHY, null, MAKER, PROPOSED_AT)));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void onlyAPaymentInReviewTakesAProposal() {
        fixture.given(new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, "hash"),
                        new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN))
                .when(propose(false, MAKER))
                .expectException(refusal(ErrorCode.PAYMENT_NOT_IN_REVIEW))
                .expectNoEvents();
    }

    @Test
    void aSecondProposalWhileOneIsPendingConflicts() {
        givenProposed(true)
                .when(new ProposePaymentResolutionCommand(PAYMENT, UUID.randomUUID(), false, "no, it failed", null, CHECKER))
                .expectException(refusal(ErrorCode.PAYMENT_RESOLUTION_ALREADY_PROPOSED))
                .expectNoEvents();
    }

    @Test
    void theSameProposalRetriedByItsProposerAnswersThePendingOne() {
        givenProposed(true)
                .when(new ProposePaymentResolutionCommand(PAYMENT, UUID.randomUUID(), true, WHY, null, MAKER))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(review(PaymentStatus.MANUAL_REVIEW,
                        new PendingResolution(PROPOSAL, "PAID", WHY, null, MAKER, PROPOSED_AT)));
    }

    @Test
    void aProposalForAPayoutNamesNoWallet() {
        givenPayoutInReview()
                .when(new ProposePaymentResolutionCommand(PAYMENT, PROPOSAL, true, WHY, OTHER_WALLET, MAKER))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    // ---- approving ----------------------------------------------------------------------------------------------

    @Test
    void anotherPrincipalApprovesAPaidProposalAndTheReservationIsCaptured() {
        givenProposed(true)
                .when(approve(CHECKER))
                .expectEvents(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, "checked the statement too"),
                        new PaymentReviewResolvedEvent(PAYMENT, true, WHY, MAKER, null),
                        new PaymentConfirmedEvent(PAYMENT, null, Evidence.OPERATOR))
                .expectResultMessagePayloadMatching(review(PaymentStatus.SETTLED, null));
        assertThat(wallets.received(CaptureReservationCommand.class)).hasSize(1);
        assertThat(wallets.received(ReleaseReservationCommand.class)).isEmpty();
    }

    @Test
    void anotherPrincipalApprovesANotPaidProposalAndTheReservationIsReleased() {
        givenProposed(false)
                .when(new ApprovePaymentResolutionCommand(PAYMENT, PROPOSAL, CHECKER, null))
                .expectEvents(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, null),
                        new PaymentReviewResolvedEvent(PAYMENT, false, WHY, MAKER, null),
                        new PaymentFailedEvent(PAYMENT, null, WHY, Evidence.OPERATOR))
                .expectResultMessagePayloadMatching(review(PaymentStatus.FAILED, null));
        assertThat(wallets.received()).containsExactly(new ReleaseReservationCommand(WALLET, PAYMENT));
    }

    /** Roles are not the payment's business: a principal holding both proposer and approver roles is one principal. */
    @Test
    void theProposerCanNeverApproveItsOwnProposalWhateverItsRoles() {
        givenProposed(true)
                .when(approve(MAKER))
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void theProposerCanNeverRejectItsOwnProposal() {
        givenProposed(true)
                .when(new RejectPaymentResolutionCommand(PAYMENT, null, MAKER, "changed my mind"))
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE))
                .expectNoEvents();
    }

    @Test
    void approvingWithNothingProposedConflicts() {
        givenPayoutInReview()
                .when(approve(CHECKER))
                .expectException(refusal(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void approvingAnotherProposalThanThePendingOneConflicts() {
        givenProposed(true)
                .when(new ApprovePaymentResolutionCommand(PAYMENT, UUID.randomUUID(), CHECKER, null))
                .expectException(refusal(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED))
                .expectNoEvents();
    }

    @Test
    void theApproverRepeatingItsApprovalGetsThePaymentAsItIsAndNothingMovesAgain() {
        givenProposed(true)
                .andGiven(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, null),
                        new PaymentReviewResolvedEvent(PAYMENT, true, WHY, MAKER, null),
                        new PaymentConfirmedEvent(PAYMENT, null, Evidence.OPERATOR))
                .when(approve(CHECKER))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(review(PaymentStatus.SETTLED, null));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void anyoneElseApprovingADecidedPaymentConflicts() {
        givenProposed(true)
                .andGiven(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, null),
                        new PaymentReviewResolvedEvent(PAYMENT, true, WHY, MAKER, null),
                        new PaymentConfirmedEvent(PAYMENT, null, Evidence.OPERATOR))
                .when(approve("ops.third"))
                .expectException(refusal(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED))
                .expectNoEvents();
    }

    /** The pair assertion: an approval by its own proposer, however it got into the store, is never loaded. */
    @Test
    void aStoredSelfApprovalIsNeverLoaded() {
        givenProposed(true)
                .andGiven(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, MAKER, null))
                .when(approve(CHECKER))
                .expectException(withRootCause(IllegalStateException.class,
                        "payment %s: resolution %s approved by its own proposer %s".formatted(PAYMENT, PROPOSAL, MAKER)));
    }

    /** Before four eyes one operator resolved alone; such a history still loads, and is final as it was. */
    @Test
    void aPaymentResolvedBeforeFourEyesStillLoadsAndStaysDecided() {
        givenPayoutInReview()
                .andGiven(new PaymentReviewResolvedEvent(PAYMENT, true, WHY, MAKER, null),
                        new PaymentConfirmedEvent(PAYMENT, null, Evidence.OPERATOR))
                .when(approve(MAKER))
                .expectException(refusal(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED))
                .expectNoEvents();
        givenPayoutInReview()
                .andGiven(new PaymentReviewResolvedEvent(PAYMENT, true, WHY, MAKER, null),
                        new PaymentConfirmedEvent(PAYMENT, null, Evidence.OPERATOR))
                .when(propose(false, CHECKER))
                .expectException(refusal(ErrorCode.PAYMENT_NOT_IN_REVIEW))
                .expectNoEvents();
    }

    // ---- rejecting ----------------------------------------------------------------------------------------------

    @Test
    void anotherPrincipalRejectsAndThePaymentWaitsForANewProposal() {
        givenProposed(true)
                .when(new RejectPaymentResolutionCommand(PAYMENT, PROPOSAL, CHECKER, "the statement line is another payout"))
                .expectEvents(new PaymentResolutionRejectedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER,
                        "the statement line is another payout"))
                .expectResultMessagePayloadMatching(review(PaymentStatus.MANUAL_REVIEW, null));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void afterARejectionANewProposalIsTaken() {
        UUID second = UUID.fromString("99999999-0000-0000-0000-000000000002");
        givenProposed(true)
                .andGiven(new PaymentResolutionRejectedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, "wrong line"))
                .when(new ProposePaymentResolutionCommand(PAYMENT, second, false, "no payout on the statement", null, CHECKER))
                .expectEvents(new PaymentResolutionProposedEvent(PAYMENT, second, false, "no payout on the statement",
                        null, CHECKER));
    }

    @Test
    void rejectingWithNothingProposedConflicts() {
        givenPayoutInReview()
                .when(new RejectPaymentResolutionCommand(PAYMENT, null, CHECKER, "nothing to reject"))
                .expectException(refusal(ErrorCode.PAYMENT_RESOLUTION_NOT_PROPOSED))
                .expectNoEvents();
    }

    // ---- a parked pay-bill payment: credited to the wallet the proposal names, once approved -----------------------

    @Test
    void aProposalToCreditAParkedPayBillPaymentNamesAWalletThatCanHoldIt() {
        givenParkedPayBill()
                .when(new ProposePaymentResolutionCommand(PAYMENT, PROPOSAL, true, WHY, OTHER_WALLET, MAKER))
                .expectEvents(new PaymentResolutionProposedEvent(PAYMENT, PROPOSAL, true, WHY, OTHER_WALLET, MAKER));
        assertThat(walletChecks.asked()).containsExactly(OTHER_WALLET);
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aProposalToCreditAParkedPaymentMustNameAWallet() {
        givenParkedPayBill()
                .when(propose(true, MAKER))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void aProposalNamingAWalletThatCannotHoldTheMoneyIsRefused() {
        walletChecks.refusing(OTHER_WALLET, new MizaniException(ErrorCode.CURRENCY_MISMATCH, "wallet holds UGX"));
        givenParkedPayBill()
                .when(new ProposePaymentResolutionCommand(PAYMENT, PROPOSAL, true, WHY, OTHER_WALLET, MAKER))
                .expectException(refusal(ErrorCode.CURRENCY_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void theApprovalCreditsTheNamedWallet() {
        givenParkedPayBill()
                .andGiven(new PaymentResolutionProposedEvent(PAYMENT, PROPOSAL, true, WHY, OTHER_WALLET, MAKER))
                .when(approve(CHECKER))
                .expectEvents(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, "checked the statement too"),
                        new PaymentReviewResolvedEvent(PAYMENT, true, WHY, MAKER, OTHER_WALLET),
                        new PaymentConfirmedEvent(PAYMENT, null, Evidence.OPERATOR));
        assertThat(wallets.received()).containsExactly(new CreditWalletCommand(OTHER_WALLET, PAYMENT, AMOUNT,
                PostingKind.DEPOSIT, "provider:mpesa:settlement:KES"));
    }

    /** The approver gets the wallet's refusal; nothing of the approval is stored, so the proposal still waits. */
    @Test
    void aWalletRefusingTheCreditOnApprovalLeavesTheProposalPending() {
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_FROZEN, "frozen")));
        givenParkedPayBill()
                .andGiven(new PaymentResolutionProposedEvent(PAYMENT, PROPOSAL, true, WHY, OTHER_WALLET, MAKER))
                .when(approve(CHECKER))
                .expectException(refusal(ErrorCode.WALLET_FROZEN))
                .expectNoEvents();
        assertThat(fixture.getEventStore().readEvents(PAYMENT.toString()).asStream()
                .map(event -> event.getPayload().getClass())).last().isEqualTo(PaymentResolutionProposedEvent.class);
    }

    @Test
    void aNotPaidApprovalOfAParkedPayBillPaymentMovesNothing() {
        givenParkedPayBill()
                .andGiven(new PaymentResolutionProposedEvent(PAYMENT, PROPOSAL, false, WHY, null, MAKER))
                .when(approve(CHECKER))
                .expectEvents(new PaymentResolutionApprovedEvent(PAYMENT, PROPOSAL, MAKER, CHECKER, "checked the statement too"),
                        new PaymentReviewResolvedEvent(PAYMENT, false, WHY, MAKER, null),
                        new PaymentFailedEvent(PAYMENT, null, WHY, Evidence.OPERATOR))
                .expectResultMessagePayloadMatching(review(PaymentStatus.FAILED, null));
        assertThat(wallets.received()).isEmpty();
    }

    // ---- an unknown payment -------------------------------------------------------------------------------------

    @Test
    void everyOperatorDecisionOnAnUnknownPaymentIsNotFoundAndStoresNothing() {
        fixture.givenNoPriorActivity().when(propose(true, MAKER))
                .expectException(refusal(ErrorCode.PAYMENT_NOT_FOUND)).expectNoEvents();
        fixture.givenNoPriorActivity().when(approve(CHECKER))
                .expectException(refusal(ErrorCode.PAYMENT_NOT_FOUND)).expectNoEvents();
        fixture.givenNoPriorActivity().when(new RejectPaymentResolutionCommand(PAYMENT, null, CHECKER, "no"))
                .expectException(refusal(ErrorCode.PAYMENT_NOT_FOUND)).expectNoEvents();
        assertThat(wallets.received()).isEmpty();
        assertThat(walletChecks.asked()).isEmpty();
    }
}
