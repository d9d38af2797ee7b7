package com.mizani.kernel.payment;

/**
 * What a correction does to make our books say what the provider's say. Every action that moves money is a balanced
 * pair of postings per wallet event, of kind CORRECTION, with the payment id as
 * transaction id (so {@code GET /transactions/{paymentId}} and the payment's audit record show it with the rest).
 */
public enum CorrectionAction {
    /** The customer has money the provider says they should not: the wallet pays it to the provider's account. */
    DEBIT_WALLET,
    /**
     * As DEBIT_WALLET, when the wallet no longer holds the money: the customer owes it. The wallet is credited from
     * {@code receivable:<CCY>} and debited to the provider's account in one unit of work, so it never goes below
     * zero and the receivable's entries name the wallet that owes.
     */
    BOOK_RECEIVABLE,
    /** The customer is owed money the provider says they should have: the provider's account pays it to the wallet. */
    CREDIT_WALLET,
    /** Nothing moves: the operators established that our books are right (the provider's message was wrong). */
    NONE;

    public boolean movesMoney() {
        return this != NONE;
    }
}
