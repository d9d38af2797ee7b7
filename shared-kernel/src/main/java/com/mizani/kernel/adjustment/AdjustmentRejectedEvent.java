package com.mizani.kernel.adjustment;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** Another principal rejected the adjustment; it moves nothing, ever. */
@Revision("1")
public record AdjustmentRejectedEvent(UUID adjustmentId, String proposedBy, String rejectedBy, String reason) {
}
