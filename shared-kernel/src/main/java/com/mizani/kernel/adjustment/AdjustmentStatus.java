package com.mizani.kernel.adjustment;

/** Where a manual adjustment stands. Only PENDING_APPROVAL is open; APPROVED is the only one that moved money. */
public enum AdjustmentStatus {
    /** Proposed; waits for another principal to approve or reject it. Moves nothing. */
    PENDING_APPROVAL,
    /** Approved, and its wallet posting made against {@code adjustments:<CCY>}. */
    APPROVED,
    /** Rejected by another principal; moves nothing, ever. */
    REJECTED,
    /** Approved, but the wallet refused the posting (insufficient funds, frozen, closed...); moves nothing, ever. */
    FAILED
}
