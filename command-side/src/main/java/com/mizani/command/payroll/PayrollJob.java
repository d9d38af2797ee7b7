package com.mizani.command.payroll;

import com.mizani.command.support.IdempotentCreation;
import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletChecks;
import com.mizani.command.wallet.WalletLocks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
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
import com.mizani.kernel.payroll.PayrollPayoutFinishedEvent;
import com.mizani.kernel.payroll.RecordPayrollPayoutOutcomeCommand;
import com.mizani.kernel.payroll.RejectPayrollJobCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bulk payment from one source wallet to many payees, decided by two principals: one creates it, another approves
 * (or rejects) it. Its id comes from the creator's idempotency key, so it is also the record that makes a repeated
 * creation land on the first job.
 *
 * <p>On approval the source reserves the whole total, and every M-Pesa item's fee, under the job's id, in the same
 * unit of work as the approval. Each batch of items is then paid in one unit of work too, so in one transaction: for
 * every item exactly what it costs is released from the reservation and at once debited by its transfer, or reserved
 * again by its payout (ids derived from job and index), and one event advances the checkpoint with every item's
 * result. A crash leaves a batch entirely done or not at all, and a batch command with a stale checkpoint changes
 * nothing. So at every commit the job's reservation holds exactly what the items not yet paid cost: a failed item's
 * money is back in the source's available balance the moment it fails.
 *
 * <p>An M-Pesa item's payout is PROCESSING until the provider decides it; the payroll payout saga then records its
 * outcome here ({@link RecordPayrollPayoutOutcomeCommand}). Meanwhile its money is in the payout's own reservation,
 * which settling captures and failing releases, so the job's reservation is never touched again for it. The job
 * completes when its last item is decided.
 */
@Aggregate(repository = "payrollJobRepository")
public class PayrollJob {

    /** Items per {@link PayrollItemsAddedEvent}: no single stored event grows with the job. */
    static final int ITEMS_PER_EVENT = 1_000;

    @AggregateIdentifier
    private UUID jobId;
    private UUID sourceWalletId;
    private Money total;
    /** What each M-Pesa item pays on top of its amount, and all their fees together. */
    private Money payoutFee;
    private Money fees;
    private String createdBy;
    private String requestHash;
    private int totalItems;
    private List<PayrollItem> items;
    private PayrollJobStatus status;
    private String approvedBy;
    private String rejectedBy;
    private String cancelledBy;
    /** The index of the first item not paid yet. */
    private int checkpoint;
    private int succeeded;
    private int failed;
    /** What the source's reservation under this job's id holds: what the items not paid yet cost, once approved. */
    private long reservedMinor;
    /** The M-Pesa items whose payout is under way, by index. */
    private final BitSet processing = new BitSet();

    protected PayrollJob() {
        // Required by Axon to rebuild the job from its events.
    }

    /**
     * A repeat of the same request answers the job as it is now. A new one names a source that must exist, hold the
     * items' currency and not be closed, or it is refused and nothing is stored.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PayrollJobOutcome handle(CreatePayrollJobCommand command, WalletChecks checks) {
        if (jobId != null) {
            IdempotentCreation.requireSamePayload(requestHash, command.requestHash(), "payroll job");
            return outcome();
        }
        checks.refusalOfFutureMovement(command.sourceWalletId(), command.total()).ifPresent(refusal -> {
            throw refusal;
        });
        List<PayrollItem> all = command.items();
        long payouts = all.stream().filter(item -> !item.paysWallet()).count();
        apply(new PayrollJobCreatedEvent(command.jobId(), command.sourceWalletId(), command.name(), all.size(),
                command.total(), command.createdBy(), command.requestHash(), command.payoutFee(),
                Money.of(Math.multiplyExact(payouts, command.payoutFee().amountMinor()), command.total().currency())));
        for (int from = 0; from < all.size(); from += ITEMS_PER_EVENT) {
            apply(new PayrollItemsAddedEvent(jobId, from,
                    List.copyOf(all.subList(from, Math.min(all.size(), from + ITEMS_PER_EVENT)))));
        }
        return outcome();
    }

    /**
     * Reserves the total on the source and releases the job for paying. A source that cannot reserve it refuses the
     * approval: the refusal is recorded, nothing moves, and the job still waits. The approver repeating an approval
     * that went through gets the job as it is.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PayrollJobOutcome handle(ApprovePayrollJobCommand command, WalletLegs wallets) {
        requireCreated(command.jobId());
        if (status != PayrollJobStatus.PENDING_APPROVAL) {
            if (command.approvedBy().equals(approvedBy)) {
                return outcome();
            }
            throw notPending();
        }
        requireOtherThanCreator(command.approvedBy());
        Money reserved = total.plus(fees);
        Optional<MizaniException> refused = wallets.reserve(sourceWalletId, jobId, reserved);
        if (refused.isPresent()) {
            apply(new PayrollJobApprovalRefusedEvent(jobId, command.approvedBy(), refused.get().code(),
                    refused.get().getMessage()));
            return refusedOutcome(refused.get());
        }
        apply(new PayrollJobApprovedEvent(jobId, command.approvedBy(), reserved));
        return outcome();
    }

    /** A rejection repeated by its own rejecter changes nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PayrollJobOutcome handle(RejectPayrollJobCommand command) {
        requireCreated(command.jobId());
        if (status == PayrollJobStatus.REJECTED && command.rejectedBy().equals(rejectedBy)) {
            return outcome();
        }
        if (status != PayrollJobStatus.PENDING_APPROVAL) {
            throw notPending();
        }
        requireOtherThanCreator(command.rejectedBy());
        apply(new PayrollJobRejectedEvent(jobId, command.rejectedBy(), command.reason()));
        return outcome();
    }

    /**
     * Stops a waiting or running job; what is still reserved goes back to the source. Payouts already under way go on
     * with their own reservations, and their outcomes are still recorded. A repeat changes nothing.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    PayrollJobOutcome handle(CancelPayrollJobCommand command, WalletLegs wallets) {
        requireCreated(command.jobId());
        if (status == PayrollJobStatus.CANCELLED) {
            return outcome();
        }
        if (status.isFinal()) {
            throw new MizaniException(ErrorCode.PAYROLL_JOB_FINISHED,
                    "payroll job %s is already %s".formatted(jobId, status));
        }
        Money released = Money.of(reservedMinor, total.currency());
        if (status == PayrollJobStatus.RUNNING && reservedMinor > 0) {
            wallets.release(sourceWalletId, jobId);
        }
        apply(new PayrollJobCancelledEvent(jobId, command.cancelledBy(), checkpoint, released));
        return outcome();
    }

    /**
     * Pays the next items, if the sender's checkpoint is the job's; otherwise another sender paid them already, and
     * the job is answered as it is. Every wallet the batch touches is locked first, lowest id first, as a group of
     * transfers locks them, so the batch and interactive transfers queue up instead of deadlocking. While the payouts
     * waiting for the provider are at their bound, the batch stops before its first M-Pesa item (and changes nothing
     * if that is its first item): the runner asks again later.
     */
    @CommandHandler
    PayrollJobOutcome handle(PayPayrollBatchCommand command, WalletLegs wallets, WalletLocks locks,
                             PayrollTransfers transfers, PayrollPayouts payouts) {
        if (status != PayrollJobStatus.RUNNING || command.expectedCheckpoint() != checkpoint) {
            return outcome();
        }
        int from = checkpoint;
        int end = Math.min(totalItems, from + command.maxItems());
        locks.lockInIdOrder(walletsOf(from, end));
        List<PayrollItemResult> results = new ArrayList<>(end - from);
        long released = 0;
        boolean payoutsAdmitted = false;
        for (int index = from; index < end; index++) {
            PayrollItem item = items.get(index);
            if (!item.paysWallet() && !payoutsAdmitted) {
                if (!payouts.acceptingNow()) {
                    break;
                }
                payoutsAdmitted = true;
            }
            Money cost = costOf(item);
            wallets.releasePart(sourceWalletId, jobId, cost);
            released += cost.amountMinor();
            results.add(item.paysWallet() ? paidToWallet(transfers, index, item) : paidOut(payouts, index, item));
        }
        if (results.isEmpty()) {
            return outcome();
        }
        if (released > reservedMinor) {
            throw new IllegalStateException("payroll job %s released %d of a reservation of %d"
                    .formatted(jobId, released, reservedMinor));
        }
        apply(new PayrollBatchPaidEvent(jobId, from, from + results.size(), results));
        completeIfAllDecided(wallets);
        return outcome();
    }

    /**
     * Records the final outcome of an item's payout; the payout moved the money already. A repeat, or the outcome of
     * an item not under way, changes nothing.
     */
    @CommandHandler
    PayrollJobOutcome handle(RecordPayrollPayoutOutcomeCommand command, WalletLegs wallets) {
        if (!processing.get(command.index())) {
            return outcome();
        }
        if (!command.paymentId().equals(PayrollPayouts.paymentIdOf(jobId, command.index()))) {
            throw new IllegalStateException("payroll job %s item %d is not paid by payment %s"
                    .formatted(jobId, command.index(), command.paymentId()));
        }
        apply(command.paid()
                ? new PayrollPayoutFinishedEvent(jobId, command.index(), command.paymentId(),
                PayrollItemStatus.COMPLETED, command.receipt(), null, null, null)
                : new PayrollPayoutFinishedEvent(jobId, command.index(), command.paymentId(), PayrollItemStatus.FAILED,
                null, ErrorCode.PAYOUT_FAILED, command.providerResultCode(), command.reason()));
        completeIfAllDecided(wallets);
        return outcome();
    }

    private List<UUID> walletsOf(int from, int end) {
        List<UUID> wallet = new ArrayList<>();
        wallet.add(sourceWalletId);
        for (int index = from; index < end; index++) {
            if (items.get(index).paysWallet()) {
                wallet.add(items.get(index).walletId());
            }
        }
        return wallet;
    }

    /** What paying the item takes from the reservation: its amount, and an M-Pesa item's fee. */
    private Money costOf(PayrollItem item) {
        return item.paysWallet() ? item.amount() : item.amount().plus(payoutFee);
    }

    private PayrollItemResult paidToWallet(PayrollTransfers transfers, int index, PayrollItem item) {
        Optional<ErrorCode> refused = transfers.pay(jobId, index, sourceWalletId, item.walletId(), item.amount());
        return new PayrollItemResult(index, PayrollTransfers.transferIdOf(jobId, index),
                refused.isEmpty() ? PayrollItemStatus.COMPLETED : PayrollItemStatus.FAILED, refused.orElse(null));
    }

    private PayrollItemResult paidOut(PayrollPayouts payouts, int index, PayrollItem item) {
        Optional<ErrorCode> refused = payouts.pay(jobId, index, sourceWalletId, item.amount(), payoutFee,
                item.msisdn());
        return PayrollItemResult.ofPayout(index, PayrollPayouts.paymentIdOf(jobId, index), refused.orElse(null));
    }

    /**
     * A running job whose every item is paid or failed completes; whatever the reservation still holds (nothing, by
     * the rule above) goes back.
     */
    private void completeIfAllDecided(WalletLegs wallets) {
        if (status != PayrollJobStatus.RUNNING || checkpoint != totalItems || !processing.isEmpty()) {
            return;
        }
        Money left = Money.of(reservedMinor, total.currency());
        if (reservedMinor > 0) {
            wallets.release(sourceWalletId, jobId);
        }
        apply(new PayrollJobCompletedEvent(jobId,
                failed == 0 ? PayrollJobStatus.COMPLETED : PayrollJobStatus.COMPLETED_WITH_FAILURES,
                succeeded, failed, left));
    }

    private void requireCreated(UUID requestedId) {
        if (jobId == null) {
            throw new MizaniException(ErrorCode.PAYROLL_JOB_NOT_FOUND, "payroll job " + requestedId + " does not exist");
        }
    }

    private void requireOtherThanCreator(String principal) {
        if (createdBy.equals(principal)) {
            throw new MizaniException(ErrorCode.PROPOSER_CANNOT_DECIDE, ("%s created payroll job %s and cannot also "
                    + "approve or reject it; another principal must").formatted(principal, jobId));
        }
    }

    private MizaniException notPending() {
        return new MizaniException(ErrorCode.PAYROLL_JOB_NOT_PENDING,
                "payroll job %s is already %s".formatted(jobId, status));
    }

    private PayrollJobOutcome outcome() {
        return new PayrollJobOutcome(jobId, status, totalItems, total, fees, checkpoint, succeeded, failed, null, null);
    }

    private PayrollJobOutcome refusedOutcome(MizaniException refusal) {
        return new PayrollJobOutcome(jobId, status, totalItems, total, fees, checkpoint, succeeded, failed, refusal.code(),
                refusal.getMessage());
    }

    // ---- state ------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PayrollJobCreatedEvent event) {
        jobId = event.jobId();
        sourceWalletId = event.sourceWalletId();
        total = event.total();
        payoutFee = event.payoutFee();
        fees = event.fees();
        createdBy = event.createdBy();
        requestHash = event.requestHash();
        totalItems = event.totalItems();
        items = new ArrayList<>(event.totalItems());
        status = PayrollJobStatus.PENDING_APPROVAL;
    }

    @EventSourcingHandler
    void on(PayrollItemsAddedEvent event) {
        if (event.firstIndex() != items.size()) {
            throw new IllegalStateException("payroll job %s items from %d follow %d items"
                    .formatted(jobId, event.firstIndex(), items.size()));
        }
        items.addAll(event.items());
    }

    /** The second half of the four-eyes pair: a stored approval by the creator itself is never loaded. */
    @EventSourcingHandler
    void on(PayrollJobApprovedEvent event) {
        requireOtherDecider(event.approvedBy());
        approvedBy = event.approvedBy();
        reservedMinor = event.reserved().amountMinor();
        status = PayrollJobStatus.RUNNING;
    }

    @EventSourcingHandler
    void on(PayrollJobRejectedEvent event) {
        requireOtherDecider(event.rejectedBy());
        rejectedBy = event.rejectedBy();
        status = PayrollJobStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(PayrollBatchPaidEvent event) {
        if (event.fromIndex() != checkpoint) {
            throw new IllegalStateException("payroll job %s batch from %d at checkpoint %d"
                    .formatted(jobId, event.fromIndex(), checkpoint));
        }
        for (PayrollItemResult result : event.results()) {
            reservedMinor -= costOf(items.get(result.index())).amountMinor();
            switch (result.status()) {
                case COMPLETED -> succeeded++;
                case FAILED -> failed++;
                case PROCESSING -> processing.set(result.index());
                default -> throw new IllegalStateException("payroll job %s batch left item %d %s"
                        .formatted(jobId, result.index(), result.status()));
            }
        }
        checkpoint = event.checkpoint();
    }

    @EventSourcingHandler
    void on(PayrollPayoutFinishedEvent event) {
        processing.clear(event.index());
        if (event.status() == PayrollItemStatus.COMPLETED) {
            succeeded++;
        } else {
            failed++;
        }
    }

    @EventSourcingHandler
    void on(PayrollJobCompletedEvent event) {
        reservedMinor = 0;
        status = event.status();
    }

    @EventSourcingHandler
    void on(PayrollJobCancelledEvent event) {
        cancelledBy = event.cancelledBy();
        reservedMinor = 0;
        status = PayrollJobStatus.CANCELLED;
    }

    private void requireOtherDecider(String decider) {
        if (createdBy.equals(decider)) {
            throw new IllegalStateException("payroll job %s decided by its own creator %s".formatted(jobId, decider));
        }
    }
}
