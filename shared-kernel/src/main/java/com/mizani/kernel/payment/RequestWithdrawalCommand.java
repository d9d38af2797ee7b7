package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.PayrollItemRef;
import java.util.Objects;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pays {@code amount} out of a wallet to a mobile number, charging {@code fee}; the id comes from the idempotency key,
 * or for a payroll item's payout ({@code payrollItem}, null otherwise) from the job and the item's index.
 */
public record RequestWithdrawalCommand(@TargetAggregateIdentifier UUID paymentId, UUID walletId, Money amount,
                                       Money fee, Msisdn msisdn, String requestHash, PayrollItemRef payrollItem) {

    public RequestWithdrawalCommand(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn,
                                    String requestHash) {
        this(paymentId, walletId, amount, fee, msisdn, requestHash, null);
    }

    public RequestWithdrawalCommand {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(requestHash, "requestHash");
        if (amount.amountMinor() <= 0 || fee.amountMinor() < 0 || fee.currency() != amount.currency()) {
            throw new IllegalArgumentException("amount must be positive and the fee non-negative, in one currency");
        }
    }
}
