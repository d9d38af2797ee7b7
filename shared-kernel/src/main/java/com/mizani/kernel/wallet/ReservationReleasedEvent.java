package com.mizani.kernel.wallet;

import com.mizani.kernel.money.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** A reservation went back to available; no money moved. */
@Revision("1")
public record ReservationReleasedEvent(UUID walletId, UUID reservationId, Money amount, long availableAfterMinor,
                                       long heldAfterMinor) {
}
