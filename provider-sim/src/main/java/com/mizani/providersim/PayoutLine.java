package com.mizani.providersim;

/**
 * One B2C payout as the simulator's books hold it now, for a statement that compares them payout by payout.
 *
 * @param sequence                 where the payout stands in the ledger; the next page starts after it
 * @param originatorConversationId the id the payer gave it (Mizani's payment id)
 * @param status                   PAID, FAILED or REVERSED
 * @param amountPaidMinor          KES cents the payout moved out of the account now: what was paid, 0 when failed
 *                                 or reversed
 * @param receipt                  the M-Pesa receipt, or null when nothing was ever paid
 */
public record PayoutLine(long sequence, String originatorConversationId, String status, long amountPaidMinor,
                         String receipt) {

    static PayoutLine of(Ledger.Entry entry) {
        Payout payout = (Payout) entry.record();
        return new PayoutLine(entry.sequence(), payout.originatorConversationId(), payout.status().name(),
                payout.paid() ? payout.amountMinor() : 0, payout.receipt());
    }
}
