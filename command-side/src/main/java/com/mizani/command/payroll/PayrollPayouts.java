package com.mizani.command.payroll;

import com.mizani.command.payment.PayoutBacklog;
import com.mizani.command.support.Refusals;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentOutcome;
import com.mizani.kernel.payment.PaymentStatus;
import com.mizani.kernel.payment.RequestWithdrawalCommand;
import com.mizani.kernel.payroll.PayrollItemRef;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Requests the payout of one M-Pesa payroll item from inside the job's unit of work, as {@link PayrollTransfers} does
 * for a wallet item: the payment is recorded and the source reserves its amount and fee in the batch's transaction,
 * and the payout saga sends it to the provider after commit, as it does any payout (AMBIGUOUS handling included).
 * The payment's id is derived from the job and the item's index, so an item can only ever be one payout.
 */
@Component
public class PayrollPayouts {

    private final CommandGateway commands;
    private final PayoutBacklog backlog;

    public PayrollPayouts(CommandGateway commands, PayoutBacklog backlog) {
        this.commands = commands;
        this.backlog = backlog;
    }

    /** The item's payment: stable across retries, resumes and nodes. */
    public static UUID paymentIdOf(UUID jobId, int index) {
        return IdempotencyKeys.deriveId("payroll-payout", jobId.toString(), Integer.toString(index));
    }

    /**
     * Whether new payouts may go to the provider's queue now: the bound on payouts accepted and not yet sent
     * (mizani.payments.max-unsent-payouts) holds back a job's payouts as it holds back single ones.
     */
    public boolean acceptingNow() {
        return backlog.full().isEmpty();
    }

    /**
     * Requests the item's payout; empty when its money is reserved and the payout under way, else the code the source
     * refused it with (frozen, say). Any other failure rolls the whole batch back.
     */
    public Optional<ErrorCode> pay(UUID jobId, int index, UUID source, Money amount, Money fee, Msisdn msisdn) {
        UUID paymentId = paymentIdOf(jobId, index);
        RequestWithdrawalCommand payout = new RequestWithdrawalCommand(paymentId, source, amount, fee, msisdn,
                IdempotencyKeys.fingerprint("payroll", jobId, index, source, amount.amountMinor(), amount.currency(),
                        msisdn.value()), new PayrollItemRef(jobId, index));
        try {
            PaymentOutcome outcome = commands.sendAndWait(payout);
            return outcome.status() == PaymentStatus.REJECTED ? Optional.of(outcome.failureCode()) : Optional.empty();
        } catch (RuntimeException failure) {
            Optional<ErrorCode> code = Refusals.codeOf(failure);
            if (code.isEmpty()) {
                throw failure;
            }
            return code;
        }
    }
}
