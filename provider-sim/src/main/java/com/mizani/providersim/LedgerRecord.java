package com.mizani.providersim;

import java.time.Instant;
import java.util.List;

/**
 * One settled movement in the simulator's books, whichever way the money went. Immutable: the outcome is decided
 * once, so re-sending its callback produces the same bytes. How often it was requested lives in {@link Ledger.Entry}.
 */
sealed interface LedgerRecord permits Payout, StkPush, C2bPayment {

    enum Kind { B2C, STK, C2B }

    /** Which way the money goes, or would have gone for a record that failed. */
    enum Direction { PAID, RECEIVED }

    enum Status { PAID, RECEIVED, FAILED, CANCELLED }

    Kind kind();

    Direction direction();

    Status status();

    int resultCode();

    /** Whole KES, as requested. */
    long amount();

    default long amountMinor() {
        return Money.minor(amount());
    }

    /** The customer's number: the payee of a payout, the payer of a deposit. */
    String msisdn();

    /** The M-Pesa receipt, or null when no money moved. */
    String receipt();

    /** The account reference the customer paid against (STK AccountReference, C2B BillRefNumber); null for payouts. */
    String billRefNumber();

    Instant time();

    /** Every id the record can be found by through {@code /simulator/transactions/{id}}. */
    List<String> ids();

    default boolean movedMoney() {
        return status() == Status.PAID || status() == Status.RECEIVED;
    }
}
