package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One ledger record as the admin endpoints show it: the common columns, then the ids of its kind. */
final class LedgerJson {

    private LedgerJson() {
    }

    static ObjectNode row(Ledger.Entry entry) {
        LedgerRecord record = entry.record();
        ObjectNode row = Json.object();
        row.put("sequence", entry.sequence());
        row.put("direction", record.direction().name());
        row.put("kind", record.kind().name());
        row.put("status", record.status().name());
        row.put("resultCode", record.resultCode());
        row.put("amountMinor", record.amountMinor());
        row.put("amount", record.amount());
        row.put("msisdn", record.msisdn());
        row.put("receipt", record.receipt());
        row.put("billRefNumber", record.billRefNumber());
        row.put("time", record.time().toString());
        row.put("timesRequested", entry.timesRequested());
        switch (record) {
            case Payout payout -> {
                row.put("originatorConversationId", payout.originatorConversationId());
                row.put("conversationId", payout.conversationId());
                row.put("transactionId", payout.transactionId());
                row.put("requestedAmountMinor", Money.minor(payout.requestedAmount()));
                row.put("finalisedAt", payout.finalisedAt().toString());
            }
            case StkPush push -> {
                row.put("merchantRequestId", push.merchantRequestId());
                row.put("checkoutRequestId", push.checkoutRequestId());
                row.put("callbackUrl", push.callbackUrl().toString());
                row.put("resultDesc", ResultCodes.describe(push.resultCode()));
            }
            case C2bPayment payment -> {
                row.put("transId", payment.transId());
                row.put("shortCode", payment.shortCode());
                row.put("transactionType", payment.transactionType());
            }
        }
        return row;
    }
}
