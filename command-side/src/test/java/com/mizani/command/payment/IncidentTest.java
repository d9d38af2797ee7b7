package com.mizani.command.payment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.kernel.audit.AuditMetadata;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.ApproveIncidentCorrectionCommand;
import com.mizani.kernel.payment.ContradictionKind;
import com.mizani.kernel.payment.Correction;
import com.mizani.kernel.payment.CorrectionAction;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.IncidentCorrectionProposedEvent;
import com.mizani.kernel.payment.IncidentCorrectionRejectedEvent;
import com.mizani.kernel.payment.IncidentResolvedEvent;
import com.mizani.kernel.payment.IncidentState;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.MobileDepositRequestedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentContradictedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProposeIncidentCorrectionCommand;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.ProviderResult.Outcome;
import com.mizani.kernel.payment.ProviderResultIgnoredEvent;
import com.mizani.kernel.payment.RejectIncidentCorrectionCommand;
import com.mizani.kernel.payment.WithdrawalRequestedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.function.Predicate;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider contradicting a final payment: which messages do, the incident they open and the correction the
 * system proposes, and how two principals close it. Nothing moves before an approval.
 */
class IncidentTest {

    private static final UUID PAYMENT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000012");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000012");
    private static final Money AMOUNT = Money.of(100_000, CurrencyCode.KES);
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");
    private static final String SETTLEMENT = "provider:mpesa:settlement:KES";
    private static final UUID FIRST_INCIDENT = Incident.idFor(PAYMENT, 1);
    private static final String OPERATOR = "client:ops-jane";
    private static final String APPROVER = "client:ops-amina";

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

    private static Object[] submitted() {
        return new Object[]{new WithdrawalRequestedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, "hash"),
                new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN),
                new PaymentSubmittedEvent(PAYMENT, "AG_1")};
    }

    private static Object[] failed() {
        return append(submitted(), new PaymentFailedEvent(PAYMENT, "2001", "invalid initiator", Evidence.CALLBACK));
    }

    private static Object[] settled() {
        return append(submitted(), new PaymentConfirmedEvent(PAYMENT, "RCPT1", Evidence.CALLBACK));
    }

    private static ApplyProviderResultCommand paid(String receipt, long amountMinor) {
        return new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.CALLBACK, Outcome.PAID, "0",
                "paid", receipt, amountMinor, MSISDN.value(), "AG_1"));
    }

    private static ApplyProviderResultCommand notPaid() {
        return new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.CALLBACK, Outcome.NOT_PAID, "2001",
                "reversed", null, null, null, "AG_1"));
    }

    private static Correction correction(CorrectionAction action, long amountMinor) {
        return new Correction(action, WALLET, Money.of(amountMinor, CurrencyCode.KES));
    }

    /** The incident the system opens for {@code message}, with the system's proposal, as events after {@code given}. */
    private static Object[] opened(Object[] given, ApplyProviderResultCommand message, ContradictionKind kind,
                                   long booked, long claimed, Correction proposed) {
        return append(append(given, new PaymentContradictedEvent(PAYMENT, FIRST_INCIDENT, kind, message.result(),
                        PaymentStatus.FAILED, booked, claimed, java.util.List.of())),
                new IncidentCorrectionProposedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL, proposed, "why",
                        AuditMetadata.SYSTEM));
    }

    private static final UUID SYSTEM_PROPOSAL = UUID.fromString("cccccccc-0000-0000-0000-000000000012");

    @Test
    void paidAfterFailedOpensAnIncidentAndTheSystemProposesToDebitAWalletThatStillHoldsTheMoney() {
        walletChecks.holding(WALLET, 250_000);
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        fixture.given(failed()).when(late).expectEventsMatching(exactly(
                contradiction(ContradictionKind.PAID_AFTER_FAILED, PaymentStatus.FAILED, 0, 100_000),
                systemProposal(correction(CorrectionAction.DEBIT_WALLET, 100_000))));
        assertThat(wallets.received()).as("nothing moves before an approval").isEmpty();
    }

    @Test
    void paidAfterFailedOnAWalletThatNoLongerHoldsTheMoneyProposesAReceivable() {
        walletChecks.holding(WALLET, 99_999);
        fixture.given(failed()).when(paid("RCPT9", 100_000)).expectEventsMatching(exactly(
                contradiction(ContradictionKind.PAID_AFTER_FAILED, PaymentStatus.FAILED, 0, 100_000),
                systemProposal(correction(CorrectionAction.BOOK_RECEIVABLE, 100_000))));
    }

    @Test
    void notPaidAfterSettledProposesToCreditTheWalletBack() {
        fixture.given(settled()).when(notPaid()).expectEventsMatching(exactly(
                contradiction(ContradictionKind.NOT_PAID_AFTER_SETTLED, PaymentStatus.SETTLED, 100_000, 0),
                systemProposal(correction(CorrectionAction.CREDIT_WALLET, 100_000))));
    }

    @Test
    void anotherAmountForTheSameReceiptProposesTheDifference() {
        walletChecks.holding(WALLET, 1_000_000);
        fixture.given(settled()).when(paid("RCPT1", 120_000)).expectEventsMatching(exactly(
                contradiction(ContradictionKind.AMOUNT_AFTER_SETTLED, PaymentStatus.SETTLED, 100_000, 120_000),
                systemProposal(correction(CorrectionAction.DEBIT_WALLET, 20_000))));
    }

    @Test
    void aSecondReceiptAfterSettledIsASecondPayment() {
        fixture.given(settled()).when(paid("RCPT2", 100_000)).expectEventsMatching(exactly(
                contradiction(ContradictionKind.OTHER_RECEIPT_AFTER_SETTLED, PaymentStatus.SETTLED, 100_000, 200_000),
                systemProposal(correction(CorrectionAction.BOOK_RECEIVABLE, 100_000))));
    }

    @Test
    void aMessageThatAgreesWithTheBooksChangesNothing() {
        ApplyProviderResultCommand repeat = paid("RCPT1", 100_000);
        fixture.given(settled()).when(repeat).expectEvents(new ProviderResultIgnoredEvent(PAYMENT, repeat.result(),
                "the payment is already SETTLED; a late or repeated message changes nothing"));
        ApplyProviderResultCommand failure = notPaid();
        fixture.given(failed()).when(failure).expectEvents(new ProviderResultIgnoredEvent(PAYMENT, failure.result(),
                "the payment is already FAILED; a late or repeated message changes nothing"));
    }

    @Test
    void aNotFoundOrUnknownAnswerNeverContradicts() {
        ApplyProviderResultCommand notFound = new ApplyProviderResultCommand(PAYMENT, new ProviderResult(
                Evidence.STATUS_QUERY, Outcome.NOT_FOUND, "404", "no such payout", null, null, null, null));
        fixture.given(settled()).when(notFound).expectEventsMatching(exactly(ignored()));
    }

    @Test
    void theSameContradictionAgainIsHeldByTheOpenIncident() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        fixture.given(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000,
                        correction(CorrectionAction.DEBIT_WALLET, 100_000)))
                .when(late)
                .expectEvents(new ProviderResultIgnoredEvent(PAYMENT, late.result(),
                        "incident " + FIRST_INCIDENT + " already holds this message"));
    }

    @Test
    void anApprovedDebitPostsAgainstTheProviderAccountAndResolvesTheIncident() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        Correction debit = correction(CorrectionAction.DEBIT_WALLET, 100_000);
        fixture.given(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000, debit))
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, SYSTEM_PROPOSAL, APPROVER, "statement line 12"))
                .expectEvents(new IncidentResolvedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL, debit,
                        AuditMetadata.SYSTEM, APPROVER, "statement line 12"))
                .expectResultMessagePayloadMatching(Matchers.predicate(state -> state instanceof IncidentState incident
                        && incident.status() == IncidentState.Status.RESOLVED));
        assertThat(wallets.received()).containsExactly(
                new DebitWalletCommand(WALLET, PAYMENT, AMOUNT, PostingKind.CORRECTION, SETTLEMENT));
    }

    @Test
    void anApprovedReceivableCreditsTheWalletFromTheReceivableThenDebitsItToTheProvider() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        Correction receivable = correction(CorrectionAction.BOOK_RECEIVABLE, 100_000);
        fixture.given(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000, receivable))
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, null, APPROVER, null))
                .expectEvents(new IncidentResolvedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL, receivable,
                        AuditMetadata.SYSTEM, APPROVER, null));
        assertThat(wallets.received()).containsExactly(
                new CreditWalletCommand(WALLET, PAYMENT, AMOUNT, PostingKind.CORRECTION, "receivable:KES"),
                new DebitWalletCommand(WALLET, PAYMENT, AMOUNT, PostingKind.CORRECTION, SETTLEMENT));
    }

    @Test
    void aWalletThatRefusesTheCorrectionLeavesTheProposalPending() {
        wallets.onDebit(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "spent since")));
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        fixture.given(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000,
                        correction(CorrectionAction.DEBIT_WALLET, 100_000)))
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, null, APPROVER, null))
                .expectException(refusal(ErrorCode.INSUFFICIENT_FUNDS))
                .expectNoEvents();
    }

    @Test
    void aRejectedProposalLetsAnOperatorProposeAnotherWhichAnotherPrincipalApproves() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        Object[] open = opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000,
                correction(CorrectionAction.DEBIT_WALLET, 100_000));
        fixture.given(open)
                .when(new RejectIncidentCorrectionCommand(PAYMENT, SYSTEM_PROPOSAL, APPROVER, "customer disputes"))
                .expectEvents(new IncidentCorrectionRejectedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL,
                        AuditMetadata.SYSTEM, APPROVER, "customer disputes"));
        UUID proposal = UUID.randomUUID();
        Object[] rejected = append(open, new IncidentCorrectionRejectedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL,
                AuditMetadata.SYSTEM, APPROVER, "customer disputes"));
        Correction receivable = correction(CorrectionAction.BOOK_RECEIVABLE, 100_000);
        fixture.given(rejected)
                .when(new ProposeIncidentCorrectionCommand(PAYMENT, FIRST_INCIDENT, proposal,
                        CorrectionAction.BOOK_RECEIVABLE, "collect from the customer", OPERATOR))
                .expectEvents(new IncidentCorrectionProposedEvent(PAYMENT, FIRST_INCIDENT, proposal, receivable,
                        "collect from the customer", OPERATOR));
        Object[] reproposed = append(rejected, new IncidentCorrectionProposedEvent(PAYMENT, FIRST_INCIDENT, proposal,
                receivable, "collect from the customer", OPERATOR));
        fixture.given(reproposed)
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, proposal, OPERATOR, null))
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE));
        fixture.given(reproposed)
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, proposal, APPROVER, null))
                .expectEvents(new IncidentResolvedEvent(PAYMENT, FIRST_INCIDENT, proposal, receivable, OPERATOR,
                        APPROVER, null));
    }

    @Test
    void anOperatorCanOnlyProposeACorrectionThatSettlesTheIncidentsDifference() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        Object[] rejected = append(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000,
                        correction(CorrectionAction.DEBIT_WALLET, 100_000)),
                new IncidentCorrectionRejectedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL, AuditMetadata.SYSTEM,
                        APPROVER, "no"));
        fixture.given(rejected)
                .when(new ProposeIncidentCorrectionCommand(PAYMENT, null, UUID.randomUUID(),
                        CorrectionAction.CREDIT_WALLET, "wrong way round", OPERATOR))
                .expectException(refusal(ErrorCode.VALIDATION_FAILED));
        fixture.given(rejected)
                .when(new ProposeIncidentCorrectionCommand(PAYMENT, UUID.randomUUID(), UUID.randomUUID(),
                        CorrectionAction.NONE, "another incident", OPERATOR))
                .expectException(refusal(ErrorCode.INCIDENT_NOT_OPEN));
    }

    @Test
    void aProposalWhileAnotherWaitsConflicts() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        fixture.given(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000,
                        correction(CorrectionAction.DEBIT_WALLET, 100_000)))
                .when(new ProposeIncidentCorrectionCommand(PAYMENT, null, UUID.randomUUID(), CorrectionAction.NONE,
                        "provider error", OPERATOR))
                .expectException(refusal(ErrorCode.INCIDENT_CORRECTION_ALREADY_PROPOSED));
    }

    @Test
    void withoutAnOpenIncidentThereIsNothingToDecide() {
        fixture.given(settled())
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, null, APPROVER, null))
                .expectException(refusal(ErrorCode.INCIDENT_NOT_OPEN));
        fixture.given(settled())
                .when(new ProposeIncidentCorrectionCommand(PAYMENT, null, UUID.randomUUID(), CorrectionAction.NONE,
                        "x", OPERATOR))
                .expectException(refusal(ErrorCode.INCIDENT_NOT_OPEN));
    }

    @Test
    void afterTheResolutionTheJudgedMessageChangesNothingButANewContradictionOpensANewIncident() {
        ApplyProviderResultCommand late = paid("RCPT9", 100_000);
        Correction debit = correction(CorrectionAction.DEBIT_WALLET, 100_000);
        Object[] resolved = append(opened(failed(), late, ContradictionKind.PAID_AFTER_FAILED, 0, 100_000, debit),
                new IncidentResolvedEvent(PAYMENT, FIRST_INCIDENT, SYSTEM_PROPOSAL, debit, AuditMetadata.SYSTEM,
                        APPROVER, null));
        fixture.given(resolved).when(late).expectEventsMatching(exactly(ignored()));
        fixture.given(resolved)
                .when(new ApproveIncidentCorrectionCommand(PAYMENT, null, APPROVER, null))
                .expectNoEvents();
        fixture.given(resolved).when(notPaid()).expectEventsMatching(exactly(
                event(PaymentContradictedEvent.class, e -> e.incidentId().equals(Incident.idFor(PAYMENT, 2))
                        && e.kind() == ContradictionKind.NOT_PAID_AFTER_SETTLED && e.bookedMinor() == 100_000),
                systemProposal(correction(CorrectionAction.CREDIT_WALLET, 100_000))));
    }

    @Test
    void aDepositPaidAfterItFailedProposesToCreditTheWallet() {
        Object[] failedPush = {new MobileDepositRequestedEvent(PAYMENT, WALLET, AMOUNT, MSISDN, "hash"),
                new MobileDepositAcceptedEvent(PAYMENT, WALLET, AMOUNT, MSISDN),
                new PaymentFailedEvent(PAYMENT, "1032", "cancelled", Evidence.CALLBACK)};
        fixture.given(failedPush).when(paid("RCPT9", 100_000)).expectEventsMatching(exactly(
                contradiction(ContradictionKind.PAID_AFTER_FAILED, PaymentStatus.FAILED, 0, 100_000),
                systemProposal(correction(CorrectionAction.CREDIT_WALLET, 100_000))));
    }

    @Test
    void theContradictionCarriesThePaymentsHistory() {
        fixture.given(failed()).when(paid("RCPT9", 100_000)).expectEventsMatching(exactly(
                event(PaymentContradictedEvent.class, e -> e.history().size() == 4
                        && e.history().getFirst().event().equals("WithdrawalRequested")
                        && e.history().getLast().detail().startsWith("FAILED: 2001 invalid initiator")),
                systemProposal(correction(CorrectionAction.BOOK_RECEIVABLE, 100_000))));
    }

    // ---- matchers -------------------------------------------------------------------------------------------

    @SafeVarargs
    private static Matcher<java.util.List<? super org.axonframework.eventhandling.EventMessage<?>>> exactly(
            Matcher<?>... payloads) {
        Matcher<?>[] all = java.util.Arrays.copyOf(payloads, payloads.length + 1);
        all[payloads.length] = Matchers.andNoMore();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Matcher<java.util.List<? super org.axonframework.eventhandling.EventMessage<?>>> matcher =
                (Matcher) Matchers.payloadsMatching(Matchers.exactSequenceOf((Matcher[]) all));
        return matcher;
    }

    private static <T> Matcher<Object> event(Class<T> type, Predicate<T> holds) {
        return Matchers.predicate(payload -> type.isInstance(payload) && holds.test(type.cast(payload)));
    }

    private static Matcher<Object> contradiction(ContradictionKind kind, PaymentStatus status, long booked,
                                                 long claimed) {
        return event(PaymentContradictedEvent.class, e -> e.incidentId().equals(FIRST_INCIDENT) && e.kind() == kind
                && e.status() == status && e.bookedMinor() == booked && e.claimedMinor() == claimed);
    }

    private static Matcher<Object> systemProposal(Correction correction) {
        return event(IncidentCorrectionProposedEvent.class, e -> e.correction().equals(correction)
                && e.proposedBy().equals(AuditMetadata.SYSTEM));
    }

    private static Matcher<Object> ignored() {
        return event(ProviderResultIgnoredEvent.class, e -> true);
    }

    private static Object[] append(Object[] events, Object more) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + 1);
        all[events.length] = more;
        return all;
    }
}
