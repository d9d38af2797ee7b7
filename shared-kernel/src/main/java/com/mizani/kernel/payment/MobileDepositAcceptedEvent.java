package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** The wallet will take the deposit; the deposit saga starts here and sends the STK push. */
@Revision("1")
public record MobileDepositAcceptedEvent(UUID paymentId, UUID walletId, Money amount, Msisdn msisdn) implements PaymentEvent {
}
