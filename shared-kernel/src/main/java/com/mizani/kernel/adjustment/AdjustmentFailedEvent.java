package com.mizani.kernel.adjustment;

import com.mizani.kernel.error.ErrorCode;
import org.axonframework.serialization.Revision;

import java.util.UUID;

/**
 * Another principal approved the adjustment but the wallet refused its posting (a debit beyond the available
 * balance, a frozen or closed wallet...): {@code code} and {@code reason} are the wallet's refusal. Nothing moved;
 * the adjustment is final.
 */
@Revision("1")
public record AdjustmentFailedEvent(UUID adjustmentId, UUID walletId, String proposedBy, String approvedBy,
                                    ErrorCode code, String reason) {
}
