package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payroll.PayrollItemRef;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The wallet holds amount plus fee for this payout; the payout saga starts here and asks the provider to pay. A payout
 * of a payroll item names it ({@code payrollItem}, null otherwise), and the payroll payout saga starts here too.
 */
@Revision("1")
public record WithdrawalReservedEvent(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn,
                                      PayrollItemRef payrollItem) implements PaymentEvent {

    public WithdrawalReservedEvent(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn) {
        this(paymentId, walletId, amount, fee, msisdn, null);
    }
}
