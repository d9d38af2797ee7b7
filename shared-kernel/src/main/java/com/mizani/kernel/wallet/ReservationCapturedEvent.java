package com.mizani.kernel.wallet;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/** The reservation was spent by the debits stored just before this event; it no longer exists. */
@Revision("1")
public record ReservationCapturedEvent(UUID walletId, UUID reservationId) {
}
