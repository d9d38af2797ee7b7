package com.mizani.kernel.wallet;

import com.mizani.kernel.money.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/** Money set aside for a payout: available fell and held rose by {@code amount}; the total is unchanged, so no posting. */
@Revision("1")
public record FundsReservedEvent(UUID walletId, UUID reservationId, Money amount, long availableAfterMinor,
                                 long heldAfterMinor) {
}
