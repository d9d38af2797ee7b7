package com.mizani.kernel.adjustment;

import com.mizani.kernel.ledger.Direction;
import com.mizani.kernel.money.Money;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Another principal approved the adjustment, and its wallet event (kind ADJUSTMENT, contra {@code adjustments:<CCY>},
 * transaction id = the adjustment id) was stored just before, in the same transaction.
 *
 * @param reason the approver's note, or null
 */
@Revision("1")
public record AdjustmentApprovedEvent(UUID adjustmentId, UUID walletId, Money amount, Direction direction,
                                      String proposedBy, String approvedBy, String reason) {
}
