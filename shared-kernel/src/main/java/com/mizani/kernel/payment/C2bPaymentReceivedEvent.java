package com.mizani.kernel.payment;

import com.mizani.kernel.money.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The provider told us it received money for {@code billReference}; {@code walletId} is the wallet the reference names, or null when it names none. The credit or the parking for review follows. */
@Revision("1")
public record C2bPaymentReceivedEvent(UUID paymentId, String transId, String billReference, UUID walletId,
                                      Money amount, String payer) implements PaymentEvent {
}
