package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

@Revision("1")
public record DepositRequestedEvent(UUID paymentId, UUID walletId, Money amount, PaymentMethod method,
                                    String requestHash) implements PaymentEvent {
}
