package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Set;

/** A validated {@code POST /mpesa/accountbalance/v1/query} body. */
record AccountBalanceQuery(String partyA, URI resultUrl, URI queueTimeOutUrl, String remarks) {

    static AccountBalanceQuery parse(JsonNode body) {
        RequestFields fields = new RequestFields(body);
        fields.required("Initiator");
        fields.required("SecurityCredential");
        fields.oneOf("CommandID", Set.of("AccountBalance"));
        String partyA = fields.shortCode("PartyA");
        fields.required("IdentifierType");
        return new AccountBalanceQuery(partyA, fields.callbackUrl("ResultURL"), fields.callbackUrl("QueueTimeOutURL"),
                fields.optional("Remarks"));
    }
}
