package com.mizani.command.payroll;

import com.mizani.command.support.RecordingWalletStub;
import com.mizani.command.support.StubWalletChecks;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.ApprovePayrollJobCommand;
import com.mizani.kernel.payroll.CancelPayrollJobCommand;
import com.mizani.kernel.payroll.CreatePayrollJobCommand;
import com.mizani.kernel.payroll.PayPayrollBatchCommand;
import com.mizani.kernel.payroll.PayrollBatchPaidEvent;
import com.mizani.kernel.payroll.PayrollItem;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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

    private FixtureConfiguration<PayrollJob> fixture;
    private RecordingWalletStub wallets;
    private StubWalletChecks checks;
    private final List<RequestTransferCommand> transfers = new ArrayList<>();

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
        fixture.registerInjectableResource(new PayrollTransfers(gateway));
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
        return new CreatePayrollJobCommand(JOB, SOURCE, "November", items, kes(sum(items)), MAKER, HASH);
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
                .when(new CreatePayrollJobCommand(JOB, SOURCE, "November", items, kes(sum(items)), MAKER, "other"))
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
}
