package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/** A validated {@code POST /mpesa/b2c/v3/paymentrequest} body (fields as in daraja.md). */
record B2cRequest(
        String originatorConversationId,
        String initiatorName,
        String commandId,
        long amount,
        String partyA,
        String partyB,
        String remarks,
        URI queueTimeOutUrl,
        URI resultUrl,
        String occasion) {

    static final Set<String> COMMANDS = Set.of("BusinessPayment", "SalaryPayment", "PromotionPayment");
    /** Kenyan mobile numbers in international form, as Daraja requires for PartyB: 2547XXXXXXXX or 2541XXXXXXXX. */
    static final String MSISDN = "254[17]\\d{8}";

    static B2cRequest parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        String originatorConversationId = fields.required("OriginatorConversationID");
        String initiatorName = fields.required("InitiatorName");
        fields.required("SecurityCredential");
        String commandId = fields.oneOf("CommandID", COMMANDS);
        long amount = fields.positiveWholeAmount("Amount");
        String partyA = fields.matching("PartyA", "\\d{5,7}", "a 5 to 7 digit short code");
        String partyB = fields.matching("PartyB", MSISDN, "a mobile number like 2547XXXXXXXX");
        return new B2cRequest(originatorConversationId, initiatorName, commandId, amount, partyA, partyB,
                fields.optional("Remarks"), fields.callbackUrl("QueueTimeOutURL"), fields.callbackUrl("ResultURL"),
                fields.optional("Occasion"));
    }
}
