package com.mizani.providersim;

/**
 * One payment the simulator received (an STK push or a pay-bill payment) as its books hold it now, for a statement
 * that compares deposits one by one.
 *
 * @param sequence            where the record stands in the ledger; the next page starts after it
 * @param reference           the id the payer's side knows it by: the CheckoutRequestID of a push, the TransID of a
 *                            pay-bill payment
 * @param amountReceivedMinor KES cents the payment moved into the account: its amount when received, 0 otherwise
 */
public record ReceivedLine(long sequence, String reference, long amountReceivedMinor) {

    static ReceivedLine of(Ledger.Entry entry) {
        LedgerRecord record = entry.record();
        String reference = switch (record) {
            case StkPush push -> push.checkoutRequestId();
            case C2bPayment payment -> payment.transId();
            case Payout payout -> throw new IllegalArgumentException("a payout is not received: "
                    + payout.originatorConversationId());
        };
        return new ReceivedLine(entry.sequence(), reference, record.movedMoney() ? record.amountMinor() : 0);
    }
}
