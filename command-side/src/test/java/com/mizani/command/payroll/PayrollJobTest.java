package com.mizani.command.payroll;

import com.mizani.command.payment.PayoutBacklog;
import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentMethod;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import com.mizani.kernel.payroll.ApprovePayrollJobCommand;
import com.mizani.kernel.payroll.CancelPayrollJobCommand;
import com.mizani.kernel.payroll.CreatePayrollJobCommand;
import com.mizani.kernel.payroll.PayPayrollBatchCommand;
import com.mizani.kernel.payroll.PayrollBatchPaidEvent;
import com.mizani.kernel.payroll.PayrollItem;
import com.mizani.kernel.payroll.PayrollItemRef;
import com.mizani.kernel.payroll.PayrollItemResult;
import com.mizani.kernel.payroll.PayrollItemStatus;
import com.mizani.kernel.payroll.PayrollItemsAddedEvent;
import com.mizani.kernel.payroll.PayrollJobApprovalRefusedEvent;
import com.mizani.kernel.payroll.PayrollJobApprovedEvent;
import com.mizani.kernel.payroll.PayrollJobCancelledEvent;
import com.mizani.kernel.payroll.PayrollJobCompletedEvent;
import com.mizani.kernel.payroll.PayrollJobCreatedEvent;
import com.mizani.kernel.payroll.PayrollJobOutcome;
import com.mizani.kernel.payroll.PayrollJobRejectedEvent;
import com.mizani.kernel.payroll.PayrollJobStatus;
import com.mizani.kernel.payroll.PayrollPayoutFinishedEvent;
import com.mizani.kernel.payroll.RecordPayrollPayoutOutcomeCommand;
import com.mizani.kernel.payroll.RejectPayrollJobCommand;
import com.mizani.kernel.transfer.CreateNewTransferCommand;
import com.mizani.kernel.transfer.RequestTransferCommand;
import com.mizani.kernel.transfer.TransferOutcome;
import com.mizani.kernel.transfer.TransferStatus;
import com.mizani.kernel.wallet.ReleaseReservationCommand;
import com.mizani.kernel.wallet.ReleaseReservedPartCommand;
import com.mizani.kernel.wallet.ReserveFundsCommand;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static com.mizani.command.support.FailureMatchers.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Payroll jobs: created by one principal, approved (the total reserved at once) or rejected by another, paid batch by
 * batch from the reservation with each item's amount released exactly once, completed or cancelled with the rest
 * released, and a batch whose checkpoint is stale changing nothing.
 */
class PayrollJobTest {

    private static final UUID JOB = UUID.fromString("0a0a0a0a-0000-0000-0000-000000000001");
    private static final UUID SOURCE = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final UUID CLOSED = UUID.fromString("bbbbbbbb-0000-0000-0000-0000000000cc");
    private static final String MAKER = "client:payroll-service";
    private static final String CHECKER = "client:finance-approver";
    private static final String HASH = "hash-of-job";
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);
    private static final Msisdn PHONE = new Msisdn("254708374149");
    /** A number whose payout the stub answers as the source refusing it (a frozen wallet). */
    private static final Msisdn FROZEN_PHONE = new Msisdn("254708374150");

    private FixtureConfiguration<PayrollJob> fixture;
    private RecordingWalletStub wallets;
    private StubWalletChecks checks;
    private final List<RequestTransferCommand> transfers = new ArrayList<>();
    private final List<RequestWithdrawalCommand> payouts = new ArrayList<>();
    /** The payout backlog: full while true. */
    private boolean backlogFull;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PayrollJob.class);
        wallets = RecordingWalletStub.subscribedTo(fixture.getCommandBus());
        checks = new StubWalletChecks();
        DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build();
        fixture.getCommandBus().subscribe(CreateNewTransferCommand.class.getName(), message -> {
            RequestTransferCommand transfer = ((CreateNewTransferCommand) message.getPayload()).transfer();
            transfers.add(transfer);
            boolean refused = transfer.destinationWalletId().equals(CLOSED);
            return new TransferOutcome(transfer.transferId(), transfer.sourceWalletId(),
                    transfer.destinationWalletId(), transfer.amount(),
                    refused ? TransferStatus.FAILED : TransferStatus.COMPLETED,
                    refused ? ErrorCode.WALLET_CLOSED : null, refused ? "closed" : null, null, null, null, null);
        });
        fixture.registerInjectableResource(checks);
        fixture.registerInjectableResource(new WalletLegs(gateway));
        fixture.getCommandBus().subscribe(RequestWithdrawalCommand.class.getName(), message -> {
            RequestWithdrawalCommand payout = (RequestWithdrawalCommand) message.getPayload();
            payouts.add(payout);
            boolean frozen = payout.msisdn().equals(FROZEN_PHONE);
            return new PaymentOutcome(payout.paymentId(), payout.walletId(), payout.amount(), payout.fee(),
                    PaymentMethod.MPESA_B2C, frozen ? PaymentStatus.REJECTED : PaymentStatus.RESERVED,
                    frozen ? ErrorCode.WALLET_FROZEN : null, frozen ? "frozen" : null, null, null);
        });
        fixture.registerInjectableResource(new PayrollTransfers(gateway));
        fixture.registerInjectableResource(new PayrollPayouts(gateway, () -> backlogFull
                ? Optional.of(new PayoutBacklog.Full(10, 10, Duration.ofSeconds(1))) : Optional.empty()));
        fixture.registerInjectableResource((WalletLocks) ids -> {
        });
    }

    private static Money kes(long minor) {
        return Money.of(minor, CurrencyCode.KES);
    }

    /** Items 0..n-1 paying 100 + index shillings-cents each, to wallet {@code destination(i)}. */
    private static List<PayrollItem> items(int n, java.util.function.IntFunction<UUID> destination) {
        return IntStream.range(0, n).mapToObj(i -> new PayrollItem("EMP-" + i, kes(100 + i), destination.apply(i), null))
                .toList();
    }

    private static UUID employee(int index) {
        return UUID.nameUUIDFromBytes(("employee-" + index).getBytes());
    }

    private static long sum(List<PayrollItem> items) {
        return items.stream().mapToLong(item -> item.amount().amountMinor()).sum();
    }

    private static CreatePayrollJobCommand create(List<PayrollItem> items) {
        return new CreatePayrollJobCommand(JOB, SOURCE, "November", items, kes(sum(items)), kes(0), MAKER, HASH);
    }

    private static Object[] created(List<PayrollItem> items) {
        List<Object> events = new ArrayList<>();
        events.add(new PayrollJobCreatedEvent(JOB, SOURCE, "November", items.size(), kes(sum(items)), MAKER, HASH));
        for (int from = 0; from < items.size(); from += PayrollJob.ITEMS_PER_EVENT) {
            events.add(new PayrollItemsAddedEvent(JOB, from,
                    items.subList(from, Math.min(items.size(), from + PayrollJob.ITEMS_PER_EVENT))));
        }
        return events.toArray();
    }

    private static Object[] approved(List<PayrollItem> items) {
        List<Object> events = new ArrayList<>(List.of(created(items)));
        events.add(new PayrollJobApprovedEvent(JOB, CHECKER, kes(sum(items))));
        return events.toArray();
    }

    private static org.hamcrest.Matcher<Object> outcome(String description,
                                                       java.util.function.Predicate<PayrollJobOutcome> expected) {
        return new org.hamcrest.CustomTypeSafeMatcher<>(description) {
            @Override
            protected boolean matchesSafely(Object payload) {
                return payload instanceof PayrollJobOutcome outcome && expected.test(outcome);
            }
        };
    }

    @Test
    void aLargeJobIsStoredInChunksAndWaitsForApproval() {
        List<PayrollItem> items = items(2_500, PayrollJobTest::employee);
        fixture.givenNoPriorActivity()
                .when(create(items))
                .expectEvents(created(items))
                .expectResultMessagePayloadMatching(outcome("PENDING_APPROVAL",
                        o -> o.status() == PayrollJobStatus.PENDING_APPROVAL && o.totalItems() == 2_500));
        assertThat(created(items)).hasSize(4);
    }

    @Test
    void aRepeatWithAnotherBodyIsAConflict() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(created(items))
                .when(new CreatePayrollJobCommand(JOB, SOURCE, "November", items, kes(sum(items)), kes(0), MAKER,
                        "other"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void aSourceThatCannotPayLaterRefusesTheJob() {
        checks.refusing(SOURCE, new MizaniException(ErrorCode.WALLET_CLOSED, "closed"));
        fixture.givenNoPriorActivity()
                .when(create(items(3, PayrollJobTest::employee)))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.WALLET_CLOSED));
    }

    @Test
    void theCreatorCannotApproveOrRejectItsOwnJob() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(created(items))
                .when(new ApprovePayrollJobCommand(JOB, MAKER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE));
        fixture.given(created(items))
                .when(new RejectPayrollJobCommand(JOB, MAKER, "no"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PROPOSER_CANNOT_DECIDE));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void approvalReservesTheWholeTotalUnderTheJobsId() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(created(items))
                .when(new ApprovePayrollJobCommand(JOB, CHECKER))
                .expectEvents(new PayrollJobApprovedEvent(JOB, CHECKER, kes(sum(items))));
        assertThat(wallets.received()).containsExactly(new ReserveFundsCommand(SOURCE, JOB, kes(sum(items))));
    }

    @Test
    void anApprovalTheSourceCannotCoverIsRecordedAndTheJobStillWaits() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        wallets.onReserve(RecordingWalletStub.throwing(new MizaniException(ErrorCode.INSUFFICIENT_FUNDS, "short")));
        fixture.given(created(items))
                .when(new ApprovePayrollJobCommand(JOB, CHECKER))
                .expectEvents(new PayrollJobApprovalRefusedEvent(JOB, CHECKER, ErrorCode.INSUFFICIENT_FUNDS, "short"))
                .expectResultMessagePayloadMatching(outcome("pending, refused INSUFFICIENT_FUNDS",
                        o -> o.status() == PayrollJobStatus.PENDING_APPROVAL
                                && o.refusal() == ErrorCode.INSUFFICIENT_FUNDS));
    }

    @Test
    void aRejectedJobCannotBeApproved() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(created(items))
                .andGiven(new PayrollJobRejectedEvent(JOB, CHECKER, "wrong month"))
                .when(new ApprovePayrollJobCommand(JOB, "client:someone-else"))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PAYROLL_JOB_NOT_PENDING));
    }

    @Test
    void aBatchReleasesEachItemsAmountAndPaysItUnderItsStableTransferId() {
        List<PayrollItem> items = items(5, i -> i == 1 ? CLOSED : employee(i));
        List<PayrollItemResult> results = List.of(
                new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                new PayrollItemResult(1, PayrollTransfers.transferIdOf(JOB, 1), PayrollItemStatus.FAILED, ErrorCode.WALLET_CLOSED),
                new PayrollItemResult(2, PayrollTransfers.transferIdOf(JOB, 2), PayrollItemStatus.COMPLETED, null));
        fixture.given(approved(items))
                .when(new PayPayrollBatchCommand(JOB, 0, 3))
                .expectEvents(new PayrollBatchPaidEvent(JOB, 0, 3, results));
        assertThat(wallets.received()).containsExactly(new ReleaseReservedPartCommand(SOURCE, JOB, kes(100)),
                new ReleaseReservedPartCommand(SOURCE, JOB, kes(101)), new ReleaseReservedPartCommand(SOURCE, JOB, kes(102)));
        assertThat(transfers).extracting(RequestTransferCommand::transferId).containsExactly(
                PayrollTransfers.transferIdOf(JOB, 0), PayrollTransfers.transferIdOf(JOB, 1),
                PayrollTransfers.transferIdOf(JOB, 2));
        assertThat(Set.copyOf(transfers.stream().map(RequestTransferCommand::transferId).toList())).hasSize(3);
    }

    @Test
    void theLastBatchCompletesTheJobWithItsFailuresCounted() {
        List<PayrollItem> items = items(3, i -> i == 1 ? CLOSED : employee(i));
        fixture.given(approved(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 2, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                        new PayrollItemResult(1, PayrollTransfers.transferIdOf(JOB, 1), PayrollItemStatus.FAILED,
                                ErrorCode.WALLET_CLOSED))))
                .when(new PayPayrollBatchCommand(JOB, 2, 100))
                .expectEvents(new PayrollBatchPaidEvent(JOB, 2, 3, List.of(new PayrollItemResult(2,
                                PayrollTransfers.transferIdOf(JOB, 2), PayrollItemStatus.COMPLETED, null))),
                        new PayrollJobCompletedEvent(JOB, PayrollJobStatus.COMPLETED_WITH_FAILURES, 2, 1, kes(0)));
        // The reservation reached zero with the last item's release: nothing is left to release whole.
        assertThat(wallets.received(ReleaseReservationCommand.class)).isEmpty();
    }

    @Test
    void aBatchWithAStaleCheckpointChangesNothing() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(approved(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 2, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                        new PayrollItemResult(1, PayrollTransfers.transferIdOf(JOB, 1), PayrollItemStatus.COMPLETED, null))))
                .when(new PayPayrollBatchCommand(JOB, 0, 2))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome("checkpoint 2", o -> o.checkpoint() == 2));
        assertThat(wallets.received()).isEmpty();
        assertThat(transfers).isEmpty();
    }

    @Test
    void aJobWaitingForApprovalIsNotPaid() {
        fixture.given(created(items(3, PayrollJobTest::employee)))
                .when(new PayPayrollBatchCommand(JOB, 0, 2))
                .expectNoEvents();
        assertThat(transfers).isEmpty();
    }

    @Test
    void cancellingMidRunReleasesWhatTheUnpaidItemsHold() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(approved(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 1, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null))))
                .when(new CancelPayrollJobCommand(JOB, MAKER))
                .expectEvents(new PayrollJobCancelledEvent(JOB, MAKER, 1, kes(101 + 102)));
        assertThat(wallets.received()).containsExactly(new ReleaseReservationCommand(SOURCE, JOB));
    }

    @Test
    void cancellingBeforeApprovalReleasesNothing() {
        List<PayrollItem> items = items(3, PayrollJobTest::employee);
        fixture.given(created(items))
                .when(new CancelPayrollJobCommand(JOB, MAKER))
                .expectEvents(new PayrollJobCancelledEvent(JOB, MAKER, 0, kes(0)));
        assertThat(wallets.received()).isEmpty();
    }

    @Test
    void aFinishedJobCannotBeCancelled() {
        List<PayrollItem> items = items(1, PayrollJobTest::employee);
        fixture.given(approved(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 1, List.of(
                                new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null))),
                        new PayrollJobCompletedEvent(JOB, PayrollJobStatus.COMPLETED, 1, 0, kes(0)))
                .when(new CancelPayrollJobCommand(JOB, MAKER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PAYROLL_JOB_FINISHED));
    }

    @Test
    void anUnknownJobIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ApprovePayrollJobCommand(JOB, CHECKER))
                .expectNoEvents()
                .expectException(refusal(ErrorCode.PAYROLL_JOB_NOT_FOUND));
    }

    // ---- M-Pesa items: paid by payouts, decided by the provider --------------------------------------------------

    /** Items 0..n-1 of 1,000 + index whole shillings each, every odd one to a phone, the rest to wallets. */
    private static List<PayrollItem> mixed(int n, IntFunction<Msisdn> phone) {
        return IntStream.range(0, n).mapToObj(i -> i % 2 == 1
                ? new PayrollItem("EMP-" + i, kes((1_000 + i) * 100L), null, phone.apply(i))
                : new PayrollItem("EMP-" + i, kes((1_000 + i) * 100L), employee(i), null)).toList();
    }

    private static long feesOf(List<PayrollItem> items) {
        return items.stream().filter(item -> !item.paysWallet()).count() * FEE.amountMinor();
    }

    private static Object[] createdWithFees(List<PayrollItem> items) {
        return new Object[]{new PayrollJobCreatedEvent(JOB, SOURCE, "November", items.size(), kes(sum(items)), MAKER,
                HASH, FEE, kes(feesOf(items))), new PayrollItemsAddedEvent(JOB, 0, items)};
    }

    private static Object[] approvedWithFees(List<PayrollItem> items) {
        List<Object> events = new ArrayList<>(List.of(createdWithFees(items)));
        events.add(new PayrollJobApprovedEvent(JOB, CHECKER, kes(sum(items) + feesOf(items))));
        return events.toArray();
    }

    private static PayrollItemResult processing(int index) {
        return PayrollItemResult.ofPayout(index, PayrollPayouts.paymentIdOf(JOB, index), null);
    }

    private static RecordPayrollPayoutOutcomeCommand outcomeOf(int index, boolean paid) {
        return new RecordPayrollPayoutOutcomeCommand(JOB, index, PayrollPayouts.paymentIdOf(JOB, index), paid,
                paid ? "SGR" + index : null, paid ? null : "2001", paid ? null : "The initiator information is invalid.");
    }

    @Test
    void aJobWithMpesaItemsStoresTheirFeesAndApprovalReservesThemWithTheTotal() {
        List<PayrollItem> items = mixed(4, i -> PHONE);
        fixture.givenNoPriorActivity()
                .when(new CreatePayrollJobCommand(JOB, SOURCE, "November", items, kes(sum(items)), FEE, MAKER, HASH))
                .expectEvents(createdWithFees(items))
                .expectResultMessagePayloadMatching(outcome("fees 30.00", o -> o.fees().equals(kes(3_000))));
        fixture.given(createdWithFees(items))
                .when(new ApprovePayrollJobCommand(JOB, CHECKER))
                .expectEvents(new PayrollJobApprovedEvent(JOB, CHECKER, kes(sum(items) + 3_000)));
        assertThat(wallets.received()).containsExactly(new ReserveFundsCommand(SOURCE, JOB, kes(sum(items) + 3_000)));
    }

    @Test
    void aBatchReleasesAnMpesaItemsAmountAndFeeAndRequestsItsPayoutUnderAStableId() {
        List<PayrollItem> items = mixed(4, i -> i == 3 ? FROZEN_PHONE : PHONE);
        fixture.given(approvedWithFees(items))
                .when(new PayPayrollBatchCommand(JOB, 0, 100))
                .expectEvents(new PayrollBatchPaidEvent(JOB, 0, 4, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                        processing(1),
                        new PayrollItemResult(2, PayrollTransfers.transferIdOf(JOB, 2), PayrollItemStatus.COMPLETED, null),
                        PayrollItemResult.ofPayout(3, PayrollPayouts.paymentIdOf(JOB, 3), ErrorCode.WALLET_FROZEN))))
                .expectResultMessagePayloadMatching(outcome("running, 2 paid, 1 failed",
                        o -> o.status() == PayrollJobStatus.RUNNING && o.succeededItems() == 2 && o.failedItems() == 1));
        assertThat(wallets.received()).containsExactly(new ReleaseReservedPartCommand(SOURCE, JOB, kes(100_000)),
                new ReleaseReservedPartCommand(SOURCE, JOB, kes(100_100 + 1_500)),
                new ReleaseReservedPartCommand(SOURCE, JOB, kes(100_200)),
                new ReleaseReservedPartCommand(SOURCE, JOB, kes(100_300 + 1_500)));
        assertThat(payouts).containsExactly(
                new RequestWithdrawalCommand(PayrollPayouts.paymentIdOf(JOB, 1), SOURCE, kes(100_100), FEE, PHONE,
                        payouts.get(0).requestHash(), new PayrollItemRef(JOB, 1)),
                new RequestWithdrawalCommand(PayrollPayouts.paymentIdOf(JOB, 3), SOURCE, kes(100_300), FEE,
                        FROZEN_PHONE, payouts.get(1).requestHash(), new PayrollItemRef(JOB, 3)));
    }

    @Test
    void theJobCompletesOnlyWhenItsLastPayoutIsDecided() {
        List<PayrollItem> items = mixed(4, i -> PHONE);
        fixture.given(approvedWithFees(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 4, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                        processing(1),
                        new PayrollItemResult(2, PayrollTransfers.transferIdOf(JOB, 2), PayrollItemStatus.COMPLETED, null),
                        processing(3))))
                .when(outcomeOf(1, false))
                .expectEvents(new PayrollPayoutFinishedEvent(JOB, 1, PayrollPayouts.paymentIdOf(JOB, 1),
                        PayrollItemStatus.FAILED, null, ErrorCode.PAYOUT_FAILED, "2001",
                        "The initiator information is invalid."));
        fixture.given(approvedWithFees(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 4, List.of(
                                new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                                processing(1),
                                new PayrollItemResult(2, PayrollTransfers.transferIdOf(JOB, 2), PayrollItemStatus.COMPLETED, null),
                                processing(3))),
                        new PayrollPayoutFinishedEvent(JOB, 1, PayrollPayouts.paymentIdOf(JOB, 1),
                                PayrollItemStatus.FAILED, null, ErrorCode.PAYOUT_FAILED, "2001", "invalid"))
                .when(outcomeOf(3, true))
                .expectEvents(new PayrollPayoutFinishedEvent(JOB, 3, PayrollPayouts.paymentIdOf(JOB, 3),
                                PayrollItemStatus.COMPLETED, "SGR3", null, null, null),
                        new PayrollJobCompletedEvent(JOB, PayrollJobStatus.COMPLETED_WITH_FAILURES, 3, 1, kes(0)));
        assertThat(wallets.received(ReleaseReservationCommand.class)).isEmpty();
    }

    @Test
    void aRepeatedPayoutOutcomeChangesNothing() {
        List<PayrollItem> items = mixed(2, i -> PHONE);
        fixture.given(approvedWithFees(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 2, List.of(
                                new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                                processing(1))),
                        new PayrollPayoutFinishedEvent(JOB, 1, PayrollPayouts.paymentIdOf(JOB, 1),
                                PayrollItemStatus.COMPLETED, "SGR1", null, null, null),
                        new PayrollJobCompletedEvent(JOB, PayrollJobStatus.COMPLETED, 2, 0, kes(0)))
                .when(outcomeOf(1, false))
                .expectNoEvents();
    }

    @Test
    void aFullPayoutBacklogStopsTheBatchBeforeItsFirstMpesaItem() {
        List<PayrollItem> items = mixed(4, i -> PHONE);
        backlogFull = true;
        fixture.given(approvedWithFees(items))
                .when(new PayPayrollBatchCommand(JOB, 0, 100))
                .expectEvents(new PayrollBatchPaidEvent(JOB, 0, 1, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null))));
        fixture.given(approvedWithFees(items))
                .andGiven(new PayrollBatchPaidEvent(JOB, 0, 1, List.of(
                        new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null))))
                .when(new PayPayrollBatchCommand(JOB, 1, 100))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome("still at 1", o -> o.checkpoint() == 1));
        assertThat(payouts).isEmpty();
    }

    @Test
    void cancellingLeavesPayoutsUnderWayToFinishAndRecordsTheirOutcomes() {
        List<PayrollItem> items = mixed(4, i -> PHONE);
        Object[] paidTwo = {new PayrollBatchPaidEvent(JOB, 0, 2, List.of(
                new PayrollItemResult(0, PayrollTransfers.transferIdOf(JOB, 0), PayrollItemStatus.COMPLETED, null),
                processing(1)))};
        fixture.given(approvedWithFees(items))
                .andGiven(paidTwo)
                .when(new CancelPayrollJobCommand(JOB, MAKER))
                .expectEvents(new PayrollJobCancelledEvent(JOB, MAKER, 2, kes(100_200 + 100_300 + 1_500)));
        fixture.given(approvedWithFees(items))
                .andGiven(paidTwo)
                .andGiven(new PayrollJobCancelledEvent(JOB, MAKER, 2, kes(100_200 + 100_300 + 1_500)))
                .when(outcomeOf(1, true))
                .expectEvents(new PayrollPayoutFinishedEvent(JOB, 1, PayrollPayouts.paymentIdOf(JOB, 1),
                        PayrollItemStatus.COMPLETED, "SGR1", null, null, null));
    }
}
