package com.mizani.command.adjustment;

import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletChecks;
import com.mizani.kernel.adjustment.AdjustmentOutcome;
import com.mizani.kernel.adjustment.ApproveAdjustmentCommand;
import com.mizani.kernel.adjustment.ProposeAdjustmentCommand;
import com.mizani.kernel.adjustment.RejectAdjustmentCommand;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Proposes, approves and rejects manual adjustments. On approval the adjustment's wallet posting (one wallet event,
 * kind ADJUSTMENT, contra {@code adjustments:<CCY>}, transaction id = the adjustment id) and the decision are stored
 * in one unit of work, so an adjustment is APPROVED exactly when its money has moved. A posting the wallet refuses
 * is recorded as FAILED with the wallet's code, and nothing moves.
 */
@Component
public class AdjustmentCommandHandler {

    private final Repository<Adjustment> adjustments;
    private final WalletChecks walletChecks;
    private final WalletLegs wallets;

    public AdjustmentCommandHandler(@Qualifier("adjustmentRepository") Repository<Adjustment> adjustments,
                                    WalletChecks walletChecks, WalletLegs wallets) {
        this.adjustments = adjustments;
        this.walletChecks = walletChecks;
        this.wallets = wallets;
    }

    /**
     * A repeat of the same request finds the adjustment the first one created and answers it as it is now. A new one
     * names a wallet that must exist, hold the currency and not be closed, or it is refused and nothing is stored.
     */
    @CommandHandler
    public AdjustmentOutcome handle(ProposeAdjustmentCommand command) throws Exception {
        Aggregate<Adjustment> adjustment = adjustments.loadOrCreate(command.adjustmentId().toString(), Adjustment::new);
        if (adjustment.invoke(Adjustment::exists)) {
            return adjustment.invoke(existing -> existing.outcomeOfRepeat(command.requestHash()));
        }
        Optional<MizaniException> refused = walletChecks.refusalOfFutureMovement(command.walletId(), command.amount());
        if (refused.isPresent()) {
            throw refused.get();
        }
        adjustment.execute(created -> created.propose(command));
        return adjustment.invoke(Adjustment::outcome);
    }

    @CommandHandler
    public AdjustmentOutcome handle(ApproveAdjustmentCommand command) {
        Aggregate<Adjustment> adjustment = load(command.adjustmentId());
        if (!adjustment.invoke(a -> a.admitsApprovalBy(command.approvedBy()))) {
            return adjustment.invoke(Adjustment::outcome);
        }
        Adjustment pending = adjustment.invoke(a -> a);
        Optional<MizaniException> refused = post(pending.walletId(), command.adjustmentId(), pending.amount(),
                pending.direction());
        if (refused.isPresent()) {
            adjustment.execute(a -> a.fail(command.approvedBy(), refused.get().code(), refused.get().getMessage()));
        } else {
            adjustment.execute(a -> a.approve(command.approvedBy(), command.reason()));
        }
        return adjustment.invoke(Adjustment::outcome);
    }

    @CommandHandler
    public AdjustmentOutcome handle(RejectAdjustmentCommand command) {
        Aggregate<Adjustment> adjustment = load(command.adjustmentId());
        adjustment.execute(a -> a.reject(command.rejectedBy(), command.reason()));
        return adjustment.invoke(Adjustment::outcome);
    }

    /** One wallet event, one balanced pair of postings: the wallet on one side, the adjustments account on the other. */
    private Optional<MizaniException> post(UUID walletId, UUID adjustmentId, Money amount, Direction direction) {
        String contra = SystemAccounts.adjustments(amount.currency());
        return direction == Direction.CREDIT
                ? wallets.credit(walletId, adjustmentId, amount, PostingKind.ADJUSTMENT, contra)
                : wallets.debit(walletId, adjustmentId, amount, PostingKind.ADJUSTMENT, contra);
    }

    private Aggregate<Adjustment> load(UUID adjustmentId) {
        try {
            return adjustments.load(adjustmentId.toString());
        } catch (AggregateNotFoundException missing) {
            throw new MizaniException(ErrorCode.ADJUSTMENT_NOT_FOUND, "adjustment " + adjustmentId + " does not exist");
        }
    }
}
