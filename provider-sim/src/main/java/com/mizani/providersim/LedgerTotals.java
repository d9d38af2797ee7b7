package com.mizani.providersim;

/**
 * The simulator's books in one consistent snapshot, in KES cents. Only money that moved counts: failed,
 * cancelled and queue-timed-out requests add nothing. Always {@code balanceMinor == startingFloat * 100 -
 * paidTotalMinor + receivedTotalMinor}.
 *
 * @param paidCount          B2C payouts that were paid
 * @param paidTotalMinor     their total
 * @param receivedCount      deposits received (approved STK pushes and C2B payments)
 * @param receivedTotalMinor their total
 * @param balanceMinor       the account balance now
 */
public record LedgerTotals(long paidCount, long paidTotalMinor, long receivedCount, long receivedTotalMinor,
                           long balanceMinor) {
}
