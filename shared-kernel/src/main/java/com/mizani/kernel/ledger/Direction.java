package com.mizani.kernel.ledger;

/**
 * The side of a posting. An account's balance is its credits minus its debits, so a deposit credits the
 * wallet and debits the provider settlement account, and every currency sums to zero.
 */
public enum Direction {
    DEBIT, CREDIT;

    public long signed(long amountMinor) {
        return this == CREDIT ? amountMinor : -amountMinor;
    }
}
