package com.mizani.kernel.payment;

/** How a definitive provider message contradicts what our books say a final payment moved. */
public enum ContradictionKind {
    /** The provider says it moved the money of a payment we failed (and gave back, or never took). */
    PAID_AFTER_FAILED,
    /** The provider says it did not move the money of a payment we settled. */
    NOT_PAID_AFTER_SETTLED,
    /** The provider reports another amount than the one we settled. */
    AMOUNT_AFTER_SETTLED,
    /** The provider reports a second payment, with another receipt, for a payment we settled once. */
    OTHER_RECEIPT_AFTER_SETTLED
}
