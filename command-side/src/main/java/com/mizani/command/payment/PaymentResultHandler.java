package com.mizani.command.payment;

import com.mizani.command.support.WalletLegs;
import com.mizani.command.wallet.WalletChecks;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.ledger.PostingKind;
import com.mizani.kernel.ledger.SystemAccounts;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.ApprovePaymentResolutionCommand;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.PaymentKind;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentReview;
import com.mizani.kernel.payment.ProposePaymentResolutionCommand;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordC2bConfirmationCommand;
import com.mizani.kernel.payment.RejectPaymentResolutionCommand;
import com.mizani.kernel.wallet.CaptureReservationCommand.Capture;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Acts on what the provider (or two operators, one proposing and another approving) say about a payment. The payment decides what the message means;
 * this handler moves the wallet's money for that decision in the same unit of work, so a payment is SETTLED
 * exactly when its money has moved and FAILED exactly when its reservation is back, never one without the other.
 * The payment's lock serialises concurrent duplicates: the second one finds the payment final and is ignored.
 */
@Component
public class PaymentResultHandler {

    private final Repository<Payment> payments;
    private final WalletLegs wallets;
    private final WalletChecks walletChecks;

    public PaymentResultHandler(@Qualifier("paymentRepository") Repository<Payment> payments, WalletLegs wallets,
                                WalletChecks walletChecks) {
        this.payments = payments;
        this.wallets = wallets;
        this.walletChecks = walletChecks;
    }

    @CommandHandler
    public PaymentOutcome handle(ApplyProviderResultCommand command) {
        Aggregate<Payment> payment = load(command.paymentId());
        ProviderResult result = command.result();
        Decision decision = payment.invoke(p -> p.decide(result));
        switch (decision.action()) {
            case IGNORE -> payment.execute(p -> p.ignore(result, decision.reason()));
            case AMBIGUOUS -> payment.execute(p -> p.becomeAmbiguous(decision.reason()));
            case REVIEW -> payment.execute(p -> p.requireReview(decision.reason()));
            case CONFIRM -> confirm(payment, result.receipt(), result.evidence());
            case FAIL -> fail(payment, result.resultCode(), decision.reason(), result.evidence());
        }
        return payment.invoke(Payment::outcome);
    }

    /**
     * A proposal moves nothing. One that credits a parked C2B payment names a wallet, which must exist, hold the
     * payment's currency and not be closed, or the proposal is refused (and not stored); whether the wallet is frozen
     * is asked when the money moves, on approval.
     */
    @CommandHandler
    public PaymentReview handle(ProposePaymentResolutionCommand command) {
        Aggregate<Payment> payment = load(command.paymentId());
        payment.execute(p -> p.proposeResolution(command));
        PaymentReview review = payment.invoke(Payment::review);
        UUID walletToCredit = review.pendingResolution().walletId();
        if (walletToCredit != null) {
            walletChecks.refusalOfFutureMovement(walletToCredit, review.payment().amount()).ifPresent(refusal -> {
                throw refusal;
            });
        }
        return review;
    }

    /**
     * The payment checks that another principal approves, and records the approval and the decision it puts into
     * effect; the money moves here, in the same unit of work. A wallet that refuses the credit of a parked C2B payment
     * fails the whole unit of work: nothing of the approval is stored, the proposal stays pending, and the approver
     * gets the wallet's refusal (and may reject the proposal).
     */
    @CommandHandler
    public PaymentReview handle(ApprovePaymentResolutionCommand command) {
        Aggregate<Payment> payment = load(command.paymentId());
        Optional<Proposal> approved = payment.invoke(p -> p.approveResolution(command));
        if (approved.isPresent() && approved.get().paid()) {
            confirm(payment, null, Evidence.OPERATOR);
        } else if (approved.isPresent()) {
            fail(payment, null, approved.get().reason(), Evidence.OPERATOR);
        }
        return payment.invoke(Payment::review);
    }

    @CommandHandler
    public PaymentReview handle(RejectPaymentResolutionCommand command) {
        Aggregate<Payment> payment = load(command.paymentId());
        payment.execute(p -> p.rejectResolution(command));
        return payment.invoke(Payment::review);
    }

    /**
     * A C2B confirmation creates its payment under an id derived from the TransID, so a replayed notification finds
     * the payment the first one created and is only recorded. One that names no wallet, or a wallet that refuses,
     * is parked in review: the provider holds the money, and an operator decides where it goes.
     */
    @CommandHandler
    public PaymentOutcome handle(RecordC2bConfirmationCommand command) throws Exception {
        Aggregate<Payment> payment = payments.loadOrCreate(command.paymentId().toString(), Payment::new);
        if (payment.invoke(Payment::exists)) {
            ProviderResult repeat = new ProviderResult(Evidence.CALLBACK, ProviderResult.Outcome.PAID, "0",
                    "C2B confirmation repeated", command.transId(), command.amount().amountMinor(), null,
                    command.transId());
            payment.execute(p -> p.ignore(repeat, "a confirmation with this TransID was already recorded"));
            return payment.invoke(Payment::outcome);
        }
        payment.execute(created -> created.receiveC2b(command));
        if (payment.invoke(Payment::walletId) == null) {
            payment.execute(p -> p.requireReview("the bill reference names no wallet"));
        } else {
            confirm(payment, command.transId(), Evidence.CALLBACK);
        }
        return payment.invoke(Payment::outcome);
    }

    private Aggregate<Payment> load(UUID paymentId) {
        try {
            return payments.load(paymentId.toString());
        } catch (AggregateNotFoundException missing) {
            throw new MizaniException(ErrorCode.PAYMENT_NOT_FOUND, "payment " + paymentId + " does not exist");
        }
    }

    private void confirm(Aggregate<Payment> payment, String receipt, Evidence evidence) {
        Payment p = payment.invoke(it -> it);
        String settlement = SystemAccounts.providerSettlement(p.method().provider(), p.amount().currency());
        if (p.kind() == PaymentKind.WITHDRAWAL) {
            wallets.capture(p.walletId(), paymentIdOf(payment), capturesOf(p, settlement));
        } else {
            Optional<MizaniException> refused = wallets.credit(p.walletId(), paymentIdOf(payment), p.amount(),
                    PostingKind.DEPOSIT, settlement);
            if (refused.isPresent() && evidence == Evidence.OPERATOR) {
                // The operator gets the refusal and may name another wallet; nothing of the resolution is stored.
                throw refused.get();
            }
            if (refused.isPresent()) {
                payment.execute(it -> it.requireReview("the provider received the money but the wallet refused it: "
                        + refused.get().getMessage()));
                return;
            }
        }
        payment.execute(it -> it.confirm(receipt, evidence));
    }

    private static List<Capture> capturesOf(Payment payout, String settlement) {
        List<Capture> captures = new ArrayList<>();
        captures.add(new Capture(payout.amount(), PostingKind.WITHDRAWAL, settlement));
        Money fee = payout.fee();
        if (fee.amountMinor() > 0) {
            captures.add(new Capture(fee, PostingKind.FEE, SystemAccounts.fees(fee.currency())));
        }
        return captures;
    }

    private void fail(Aggregate<Payment> payment, String resultCode, String reason, Evidence evidence) {
        Payment p = payment.invoke(it -> it);
        if (p.kind() == PaymentKind.WITHDRAWAL) {
            wallets.release(p.walletId(), paymentIdOf(payment));
        }
        payment.execute(it -> it.fail(resultCode, reason, evidence));
    }

    private static UUID paymentIdOf(Aggregate<Payment> payment) {
        return UUID.fromString(payment.identifierAsString());
    }
}
