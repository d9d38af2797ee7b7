package com.mizani.command.adjustment;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.command.support.WalletLegs;
import com.mizani.kernel.adjustment.AdjustmentApprovedEvent;
import com.mizani.kernel.adjustment.AdjustmentFailedEvent;
import com.mizani.kernel.adjustment.AdjustmentOutcome;
import com.mizani.kernel.adjustment.AdjustmentProposedEvent;
import com.mizani.kernel.adjustment.AdjustmentRejectedEvent;
import com.mizani.kernel.adjustment.AdjustmentStatus;
import com.mizani.kernel.adjustment.ApproveAdjustmentCommand;
import com.mizani.kernel.adjustment.ProposeAdjustmentCommand;
import com.mizani.kernel.adjustment.RejectAdjustmentCommand;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.wallet.CreditWalletCommand;
import com.mizani.kernel.wallet.DebitWalletCommand;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static com.mizani.command.support.FailureMatchers.refusal;
import static com.mizani.command.support.FailureMatchers.withRootCause;
import static com.mizani.command.support.RecordingWalletStub.throwing;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manual adjustments: proposed by one principal, approved (then posted against {@code adjustments:<CCY>}) or rejected
 * by another, never by the same one, whatever roles it holds; a posting the wallet refuses ends the adjustment FAILED.
 */
class AdjustmentTest {

    private static final UUID ADJUSTMENT = UUID.fromString("adadadad-0000-0000-0000-000000000001");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000021");
    private static final Money AMOUNT = Money.of(25_000, CurrencyCode.KES);
    private static final String MAKER = "ops.jane";
    private static final String CHECKER = "ops.amina";
    private static final String WHY = "ticket OPS-1182: deposit of 2026-11-20 credited twice";
    private static final String HASH = "hash-of-adjustment";
    private static final String CONTRA = "adjustments:KES";
    private static final Instant PROPOSED_AT = Instant.parse("2026-11-21T09:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2026-11-21T09:30:00Z");

    private FixtureConfiguration<Adjustment> fixture;
    private RecordingWalletStub wallets;
    private StubWalletChecks walletChecks;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Adjustment.class);
        wallets = RecordingWalletStub.subscribedTo(fixture.getCommandBus());
        walletChecks = new StubWalletChecks();
        WalletLegs legs = new WalletLegs(DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build());
        fixture.registerInjectableResource(walletChecks);
        fixture.registerInjectableResource(legs);
    }

    private static ProposeAdjustmentCommand propose(Direction direction, String hash) {
        return new ProposeAdjustmentCommand(ADJUSTMENT, WALLET, AMOUNT, direction, WHY, MAKER, hash);
    }

    private static AdjustmentProposedEvent proposed(Direction direction) {
        return new AdjustmentProposedEvent(ADJUSTMENT, WALLET, AMOUNT, direction, WHY, MAKER, HASH);
    }

    private TestExecutor<Adjustment> givenProposed(Direction direction) {
        return fixture.givenCurrentTime(PROPOSED_AT).andGiven(proposed(direction)).andGivenCurrentTime(DECIDED_AT);
    }

    private static AdjustmentOutcome outcome(Direction direction, AdjustmentStatus status, String approvedBy,
                                             String rejectedBy, String decisionReason, Instant decidedAt,
                                             ErrorCode failureCode, String failureReason) {
        return new AdjustmentOutcome(ADJUSTMENT, WALLET, AMOUNT, direction, WHY, status, MAKER, PROPOSED_AT, approvedBy,
                rejectedBy, decisionReason, decidedAt, failureCode, failureReason);
    }

    private static AdjustmentOutcome pending(Direction direction) {
        return outcome(direction, AdjustmentStatus.PENDING_APPROVAL, null, null, null, null, null, null);
    }

    // ---- proposing ----------------------------------------------------------------------------------------------

    @Test
    void aProposalChecksTheWalletAndMovesNothing() {
        fixture.givenNoPriorActivity().andGivenCurrentTime(PROPOSED_AT)
                .when(propose(Direction.CREDIT, HASH))
                .expectEvents(proposed(Direction.CREDIT))
                .expectResultMessagePayload(pending(Direction.CREDIT));
        assertThat(walletChecks.asked()).containsExactly(WALLET);
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aProposalForAWalletOfAnotherCurrencyIsRefusedAndNotStored() {
        walletChecks.refusing(WALLET, new MizaniException(ErrorCode.CURRENCY_MISMATCH, "wallet holds UGX, not KES"));
        fixture.givenNoPriorActivity()
                .when(propose(Direction.CREDIT, HASH))
                .expectException(refusal(ErrorCode.CURRENCY_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void aProposalForNoWalletIsRefusedAndNotStored() {
        walletChecks.refusing(WALLET, new MizaniException(ErrorCode.WALLET_NOT_FOUND, "no such wallet"));
        fixture.givenNoPriorActivity()
                .when(propose(Direction.DEBIT, HASH))
                .expectException(refusal(ErrorCode.WALLET_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aRepeatedProposalAnswersTheAdjustmentAsItIsNow() {
        givenProposed(Direction.DEBIT)
                .andGiven(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.DEBIT, MAKER, CHECKER, null))
                .when(propose(Direction.DEBIT, HASH))
                .expectNoEvents()
                .expectResultMessagePayload(outcome(Direction.DEBIT, AdjustmentStatus.APPROVED, CHECKER, null, null,
                        DECIDED_AT, null, null));
        assertThat(wallets.received()).isEmpty();
        assertThat(walletChecks.asked()).isEmpty();
    }

    @Test
    void aReusedKeyWithAnotherRequestConflicts() {
        givenProposed(Direction.CREDIT)
                .when(propose(Direction.DEBIT, "hash-of-another-request"))
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
    }

    // ---- approving ----------------------------------------------------------------------------------------------

    @Test
    void anApprovedCreditPostsAgainstTheAdjustmentsAccount() {
        givenProposed(Direction.CREDIT)
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, "matches the ticket"))
                .expectEvents(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.CREDIT, MAKER, CHECKER,
                        "matches the ticket"))
                .expectResultMessagePayload(outcome(Direction.CREDIT, AdjustmentStatus.APPROVED, CHECKER, null,
                        "matches the ticket", DECIDED_AT, null, null));
        assertThat(wallets.received()).containsExactly(
                new CreditWalletCommand(WALLET, ADJUSTMENT, AMOUNT, PostingKind.ADJUSTMENT, CONTRA));
    }

    @Test
    void anApprovedDebitPostsAgainstTheAdjustmentsAccount() {
        givenProposed(Direction.DEBIT)
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectEvents(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.DEBIT, MAKER, CHECKER, null));
        assertThat(wallets.received()).containsExactly(
                new DebitWalletCommand(WALLET, ADJUSTMENT, AMOUNT, PostingKind.ADJUSTMENT, CONTRA));
    }

    @Test
    void aDebitBeyondTheAvailableBalanceFailsWithTheWalletsCode() {
        wallets.onDebit(throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "available balance 10.00 is less than 250.00")));
        givenProposed(Direction.DEBIT)
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectEvents(new AdjustmentFailedEvent(ADJUSTMENT, WALLET, MAKER, CHECKER, ErrorCode.INSUFFICIENT_FUNDS,
                        "available balance 10.00 is less than 250.00"))
                .expectResultMessagePayload(outcome(Direction.DEBIT, AdjustmentStatus.FAILED, CHECKER, null, null,
                        DECIDED_AT, ErrorCode.INSUFFICIENT_FUNDS, "available balance 10.00 is less than 250.00"));
    }

    @Test
    void aCreditTheWalletRefusesFailsToo() {
        wallets.onCredit(throwing(new MizaniException(ErrorCode.WALLET_FROZEN, "frozen")));
        givenProposed(Direction.CREDIT)
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectEvents(new AdjustmentFailedEvent(ADJUSTMENT, WALLET, MAKER, CHECKER, ErrorCode.WALLET_FROZEN, "frozen"));
    }

    /** Roles are not the adjustment's business: one principal holding both roles is still one principal. */
    @Test
    void theProposerCanNeverApproveItsOwnAdjustmentWhateverItsRoles() {
        givenProposed(Direction.CREDIT)
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, MAKER, null))
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void theApproverRepeatingItsApprovalGetsTheSameAnswerAndNothingPostsAgain() {
        givenProposed(Direction.CREDIT)
                .andGiven(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.CREDIT, MAKER, CHECKER, null))
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectNoEvents()
                .expectResultMessagePayload(outcome(Direction.CREDIT, AdjustmentStatus.APPROVED, CHECKER, null, null,
                        DECIDED_AT, null, null));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void theApproverRepeatingAFailedApprovalGetsTheFailureAgainAndNothingIsTriedAgain() {
        givenProposed(Direction.DEBIT)
                .andGiven(new AdjustmentFailedEvent(ADJUSTMENT, WALLET, MAKER, CHECKER, ErrorCode.INSUFFICIENT_FUNDS, "short"))
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectNoEvents()
                .expectResultMessagePayload(outcome(Direction.DEBIT, AdjustmentStatus.FAILED, CHECKER, null, null,
                        DECIDED_AT, ErrorCode.INSUFFICIENT_FUNDS, "short"));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void anyoneElseApprovingADecidedAdjustmentConflicts() {
        givenProposed(Direction.CREDIT)
                .andGiven(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.CREDIT, MAKER, CHECKER, null))
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, "ops.third", null))
                .expectException(refusal(ErrorCode.ADJUSTMENT_NOT_PENDING))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void approvingARejectedAdjustmentConflicts() {
        givenProposed(Direction.CREDIT)
                .andGiven(new AdjustmentRejectedEvent(ADJUSTMENT, MAKER, CHECKER, "no ticket"))
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectException(refusal(ErrorCode.ADJUSTMENT_NOT_PENDING))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void approvingAnUnknownAdjustmentIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectException(refusal(ErrorCode.ADJUSTMENT_NOT_FOUND))
                .expectNoEvents();
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void rejectingAnUnknownAdjustmentIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new RejectAdjustmentCommand(ADJUSTMENT, CHECKER, "no such ticket"))
                .expectException(refusal(ErrorCode.ADJUSTMENT_NOT_FOUND))
                .expectNoEvents();
    }

    /** The pair assertion: a decision by its own proposer, however it got into the store, is never loaded. */
    @Test
    void aStoredSelfApprovalIsNeverLoaded() {
        givenProposed(Direction.CREDIT)
                .andGiven(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.CREDIT, MAKER, MAKER, null))
                .when(new ApproveAdjustmentCommand(ADJUSTMENT, CHECKER, null))
                .expectException(withRootCause(IllegalStateException.class,
                        "adjustment %s decided by its own proposer %s".formatted(ADJUSTMENT, MAKER)));
    }

    // ---- rejecting ----------------------------------------------------------------------------------------------

    @Test
    void anotherPrincipalRejectsAndNothingMoves() {
        givenProposed(Direction.DEBIT)
                .when(new RejectAdjustmentCommand(ADJUSTMENT, CHECKER, "the ticket names another wallet"))
                .expectEvents(new AdjustmentRejectedEvent(ADJUSTMENT, MAKER, CHECKER, "the ticket names another wallet"))
                .expectResultMessagePayload(outcome(Direction.DEBIT, AdjustmentStatus.REJECTED, null, CHECKER,
                        "the ticket names another wallet", DECIDED_AT, null, null));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void theProposerCanNeverRejectItsOwnAdjustment() {
        givenProposed(Direction.DEBIT)
                .when(new RejectAdjustmentCommand(ADJUSTMENT, MAKER, "oops"))
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE))
                .expectNoEvents();
    }

    @Test
    void theRejecterRepeatingItsRejectionChangesNothing() {
        givenProposed(Direction.DEBIT)
                .andGiven(new AdjustmentRejectedEvent(ADJUSTMENT, MAKER, CHECKER, "no ticket"))
                .when(new RejectAdjustmentCommand(ADJUSTMENT, CHECKER, "no ticket"))
                .expectNoEvents()
                .expectResultMessagePayload(outcome(Direction.DEBIT, AdjustmentStatus.REJECTED, null, CHECKER,
                        "no ticket", DECIDED_AT, null, null));
    }

    @Test
    void rejectingAnApprovedAdjustmentConflicts() {
        givenProposed(Direction.DEBIT)
                .andGiven(new AdjustmentApprovedEvent(ADJUSTMENT, WALLET, AMOUNT, Direction.DEBIT, MAKER, CHECKER, null))
                .when(new RejectAdjustmentCommand(ADJUSTMENT, "ops.third", "too late"))
                .expectException(refusal(ErrorCode.ADJUSTMENT_NOT_PENDING))
                .expectNoEvents();
    }
}
