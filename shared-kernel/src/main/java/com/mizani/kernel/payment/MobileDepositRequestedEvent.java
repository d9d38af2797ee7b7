package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** An STK push deposit was requested; the deposit saga starts here and sends the push. */
@Revision("1")
public record MobileDepositRequestedEvent(UUID paymentId, UUID walletId, Money amount, Msisdn msisdn,
                                          String requestHash) implements PaymentEvent {
}
