package com.mizani.kernel.wallet;

import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Part of a reservation went back to available; no money moved. {@code remainingMinor} is what the reservation still
 * holds: at zero it is closed, as a whole release closes it.
 */
@Revision("1")
public record ReservedPartReleasedEvent(UUID walletId, UUID reservationId, Money amount, long remainingMinor,
                                        long availableAfterMinor, long heldAfterMinor) {
}
