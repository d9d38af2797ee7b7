package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code POST /mpesa/transactionstatus/v1/query}: acknowledges synchronously and sends a {@code Result} that is
 * either "Completed" with the receipt, for a payout the ledger holds as paid, or the definitive
 * {@link ResultCodes#NO_SUCH_PAYOUT} for anything else. It reads only the ledger, so no fault can make it report
 * a payout that was not made.
 */
final class TransactionStatusEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/transactionstatus/v1/query";
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final Ledger ledger;
    private final CallbackSender callbacks;
    private final Ids ids;
    private final Clock clock;

    TransactionStatusEndpoint(Ledger ledger, CallbackSender callbacks, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        StatusQuery query = StatusQuery.parse(body);
        Optional<Payout> payout = query.originatorConversationId().isBlank()
                ? ledger.findPayoutByTransactionId(query.transactionId())
                : ledger.findPayoutByOriginatorId(query.originatorConversationId());
        String queryConversationId = ids.conversationId(LocalDate.now(clock.withZone(NAIROBI)));
        ObjectNode result = payout.filter(Payout::paid)
                .map(paid -> DarajaBodies.statusCompleted(paid, queryConversationId, query))
                .orElseGet(() -> DarajaBodies.statusNotPaid(query, queryConversationId, ids.transactionId()));
        callbacks.send(query.resultUrl(), result, fate);
        String echoedOriginatorId = query.originatorConversationId().isBlank()
                ? payout.map(Payout::originatorConversationId).orElse("")
                : query.originatorConversationId();
        return Answer.json(200, DarajaBodies.acknowledgement(queryConversationId, echoedOriginatorId));
    }
}
