package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WithdrawalRequestedEvent(UUID paymentId, UUID walletId, Money amount, Money fee, Msisdn msisdn,
                                       String requestHash) implements PaymentEvent {
}
