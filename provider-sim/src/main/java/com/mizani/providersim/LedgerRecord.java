package com.mizani.providersim;

import java.time.Instant;
import java.util.List;

/**
 * One settled movement in the simulator's books, whichever way the money went. Immutable, so re-sending its callback
 * produces the same bytes; when the provider changes its mind about a payout (see {@link Payout}) the ledger replaces
 * the record with a new version. How often it was requested lives in {@link Ledger.Entry}.
 */
sealed interface LedgerRecord permits Payout, StkPush, C2bPayment {

    enum Kind { B2C, STK, C2B }

    /** Which way the money goes, or would have gone for a record that failed. */
    enum Direction { PAID, RECEIVED }

    /** REVERSED: a payout that was paid and whose money the provider took back. */
    enum Status { PAID, RECEIVED, FAILED, CANCELLED, REVERSED }

    Kind kind();

    Direction direction();

    Status status();

    int resultCode();

    /** Whole KES: as requested, or for a payout what was actually paid. */
    long amount();

    default long amountMinor() {
        return Money.minor(amount());
    }

    /** The customer's number: the payee of a payout, the payer of a deposit. */
    String msisdn();

    /** The M-Pesa receipt (of a reversed payout too), or null when no money moved. */
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
