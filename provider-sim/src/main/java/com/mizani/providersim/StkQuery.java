package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;

/** A validated {@code POST /mpesa/stkpushquery/v1/query} body. */
record StkQuery(String businessShortCode, String checkoutRequestId) {

    static StkQuery parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        String businessShortCode = fields.shortCode("BusinessShortCode");
        fields.required("Password");
        fields.matching("Timestamp", StkPushRequest.TIMESTAMP, "yyyyMMddHHmmss");
        return new StkQuery(businessShortCode, fields.required("CheckoutRequestID"));
    }
}
