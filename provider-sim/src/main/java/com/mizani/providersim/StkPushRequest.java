package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/**
 * A validated {@code POST /mpesa/stkpush/v1/processrequest} body (fields as in daraja.md). The Password cannot be
 * checked without the real passkey, so it only has to be there; the Timestamp must be Daraja's yyyyMMddHHmmss.
 */
record StkPushRequest(
        String businessShortCode,
        String transactionType,
        long amount,
        String partyA,
        String partyB,
        String phoneNumber,
        URI callbackUrl,
        String accountReference,
        String transactionDesc) {

    static final Set<String> TRANSACTION_TYPES = Set.of("CustomerPayBillOnline", "CustomerBuyGoodsOnline");
    static final String TIMESTAMP = "20\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])([01]\\d|2[0-3])[0-5]\\d[0-5]\\d";

    static StkPushRequest parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        String businessShortCode = fields.shortCode("BusinessShortCode");
        fields.required("Password");
        fields.matching("Timestamp", TIMESTAMP, "yyyyMMddHHmmss");
        String transactionType = fields.oneOf("TransactionType", TRANSACTION_TYPES);
        long amount = fields.positiveWholeAmount("Amount");
        String partyA = fields.msisdn("PartyA");
        String partyB = fields.shortCode("PartyB");
        String phoneNumber = fields.msisdn("PhoneNumber");
        URI callbackUrl = fields.callbackUrl("CallBackURL");
        return new StkPushRequest(businessShortCode, transactionType, amount, partyA, partyB, phoneNumber, callbackUrl,
                fields.required("AccountReference"), fields.required("TransactionDesc"));
    }
}
