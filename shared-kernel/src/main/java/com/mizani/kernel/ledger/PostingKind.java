package com.mizani.kernel.ledger;

/** Why money moved; every wallet posting names one. */
public enum PostingKind {
    DEPOSIT, TRANSFER_OUT, TRANSFER_IN, WITHDRAWAL, FEE, FX, REVERSAL, ADJUSTMENT,
    /** An approved correction of an incident: the books made to say what the provider did. */
    CORRECTION
}
