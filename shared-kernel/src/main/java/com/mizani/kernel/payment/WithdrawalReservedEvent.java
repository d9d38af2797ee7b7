package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The wallet holds amount plus fee for this payout; the payout saga starts here and asks the provider to pay. */
@Revision("1")
public record WithdrawalReservedEvent(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn) implements PaymentEvent {
}
