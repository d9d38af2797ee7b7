package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /mpesa/stkpushquery/v1/query}: answered synchronously, like Daraja, from the ledger only. An unknown
 * CheckoutRequestID is a 404, the definitive "never pushed" (Daraja itself answers a 500 "being processed" then,
 * which would leave the app guessing).
 */
final class StkQueryEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/stkpushquery/v1/query";

    private final Ledger ledger;

    StkQueryEndpoint(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        StkQuery query = StkQuery.parse(body);
        return ledger.findStkByCheckoutId(query.checkoutRequestId())
                .map(entry -> Answer.json(200, StkBodies.queryAnswer((StkPush) entry.record())))
                .orElseGet(() -> Answer.json(404, DarajaBodies.error("404.001.01", "No STK push with this CheckoutRequestID")));
    }
}
