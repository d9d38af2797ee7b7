package com.mizani.kernel.adjustment;

import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A principal proposed a manual correction of a wallet; it waits for another principal. Moves nothing. */
@Revision("1")
public record AdjustmentProposedEvent(UUID adjustmentId, UUID walletId, Money amount, Direction direction,
                                      String reason, String proposedBy, String requestHash) {
}
