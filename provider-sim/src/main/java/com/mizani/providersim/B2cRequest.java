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

    static B2cRequest parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        String originatorConversationId = fields.required("OriginatorConversationID");
        String initiatorName = fields.required("InitiatorName");
        fields.required("SecurityCredential");
        String commandId = fields.oneOf("CommandID", COMMANDS);
        long amount = fields.positiveWholeAmount("Amount");
        String partyA = fields.shortCode("PartyA");
        String partyB = fields.msisdn("PartyB");
        return new B2cRequest(originatorConversationId, initiatorName, commandId, amount, partyA, partyB,
                fields.optional("Remarks"), fields.callbackUrl("QueueTimeOutURL"), fields.callbackUrl("ResultURL"),
                fields.optional("Occasion"));
    }
}
