package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * {@code POST /mpesa/accountbalance/v1/query}: acknowledges synchronously like B2C and sends a {@code Result}
 * with Daraja's AccountBalance string to the ResultURL. The balance is the ledger's at the time of the query.
 */
final class AccountBalanceEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/accountbalance/v1/query";
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final Ledger ledger;
    private final CallbackSender callbacks;
    private final Ids ids;
    private final Clock clock;

    AccountBalanceEndpoint(Ledger ledger, CallbackSender callbacks, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        AccountBalanceQuery query = AccountBalanceQuery.parse(body);
        Instant now = clock.instant();
        String originatorConversationId = ids.requestId();
        String conversationId = ids.conversationId(LocalDate.ofInstant(now, NAIROBI));
        callbacks.send(query.resultUrl(), DarajaBodies.accountBalanceResult(query, originatorConversationId,
                conversationId, ids.transactionId(), ledger.balanceMinor(), now), fate);
        return Answer.json(200, DarajaBodies.acknowledgement(conversationId, originatorConversationId));
    }
}
