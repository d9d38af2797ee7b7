package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/**
 * A validated {@code POST /mpesa/transactionstatus/v1/query} body. The payout is looked up by
 * OriginatorConversationID, or by TransactionID (the receipt) when no originator id is given.
 */
record StatusQuery(
        String originatorConversationId,
        String transactionId,
        String partyA,
        URI resultUrl,
        URI queueTimeOutUrl,
        String occasion) {

    static StatusQuery parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        fields.required("Initiator");
        fields.required("SecurityCredential");
        fields.oneOf("CommandID", Set.of("TransactionStatusQuery"));
        String originatorConversationId = fields.optional("OriginatorConversationID");
        String transactionId = fields.optional("TransactionID");
        if (originatorConversationId.isBlank() && transactionId.isBlank()) {
            throw new InvalidRequestException("Invalid OriginatorConversationID: missing (or give TransactionID)");
        }
        String partyA = fields.required("PartyA");
        fields.required("IdentifierType");
        return new StatusQuery(originatorConversationId, transactionId, partyA, fields.callbackUrl("ResultURL"),
                fields.callbackUrl("QueueTimeOutURL"), fields.optional("Occasion"));
    }
}
