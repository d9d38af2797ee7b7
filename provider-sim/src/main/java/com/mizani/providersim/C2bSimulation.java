package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A validated {@code POST /mpesa/c2b/v1/simulate} body: a customer paying the short code from their phone.
 * A pay-bill payment names the account it pays (BillRefNumber); a buy-goods one need not.
 */
record C2bSimulation(String shortCode, String commandId, long amount, String msisdn, String billRefNumber) {

    /** CommandID to the TransactionType the confirmation reports. */
    static final Map<String, String> TRANSACTION_TYPES = Map.of(
            "CustomerPayBillOnline", "Pay Bill",
            "CustomerBuyGoodsOnline", "Buy Goods");

    static C2bSimulation parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        String shortCode = fields.shortCode("ShortCode");
        String commandId = fields.oneOf("CommandID", TRANSACTION_TYPES.keySet());
        long amount = fields.positiveWholeAmount("Amount");
        String msisdn = fields.msisdn("Msisdn");
        String billRefNumber = commandId.equals("CustomerPayBillOnline")
                ? fields.required("BillRefNumber")
                : fields.optional("BillRefNumber");
        return new C2bSimulation(shortCode, commandId, amount, msisdn, billRefNumber);
    }

    String transactionType() {
        return TRANSACTION_TYPES.get(commandId);
    }
}
