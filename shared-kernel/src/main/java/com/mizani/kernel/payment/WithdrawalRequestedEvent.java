package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.PayrollItemRef;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A payout was asked for; {@code payrollItem} names the payroll item it pays, null for a payout of its own. */
@Revision("1")
public record WithdrawalRequestedEvent(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn,
                                       String requestHash, PayrollItemRef payrollItem) implements PaymentEvent {

    public WithdrawalRequestedEvent(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn,
                                    String requestHash) {
        this(paymentId, walletId, amount, fee, msisdn, requestHash, null);
    }
}
