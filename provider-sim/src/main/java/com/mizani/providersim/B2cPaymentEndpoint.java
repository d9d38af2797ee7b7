package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mpesa/b2c/v3/paymentrequest}: settles the payout in the ledger (at most once per
 * OriginatorConversationID), acknowledges synchronously and sends the {@code Result} to the ResultURL.
 */
final class B2cPaymentEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/b2c/v3/paymentrequest";
    private static final Logger log = LoggerFactory.getLogger(B2cPaymentEndpoint.class);
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final Ledger ledger;
    private final CallbackSender callbacks;
    private final Ids ids;
    private final Clock clock;

    B2cPaymentEndpoint(Ledger ledger, CallbackSender callbacks, Ids ids, Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        B2cRequest request = B2cRequest.parse(body);
        if (fate.queueTimeout() && ledger.findPayoutByOriginatorId(request.originatorConversationId()).isEmpty()) {
            return timedOutInTheQueue(request, fate);
        }
        Ledger.Acceptance<Payout> acceptance = ledger.acceptPayout(request, fate.injectedFailureCode(), clock.instant());
        Payout payout = acceptance.record();
        log.info("B2C {} {}: {} KES to {} -> {} (result {}, request #{})", request.originatorConversationId(),
                acceptance.firstRequest() ? "new" : "repeated", payout.amount(), payout.msisdn(), payout.status(),
                payout.resultCode(), acceptance.timesRequested());
        // A repeat re-sends the original result to the original ResultURL: the outcome was settled once.
        callbacks.send(payout.resultUrl(), DarajaBodies.b2cResult(payout), fate);
        return Answer.json(200, DarajaBodies.acknowledgement(payout.conversationId(), payout.originatorConversationId()));
    }

    /**
     * The queue-timeout fault: acknowledged, never processed, so it never reaches the ledger. The id stays free, and
     * a later request with the same OriginatorConversationID is processed like a new one. It only hits ids that are
     * not settled yet: a repeat of a settled payout re-sends its result instead, so a queue timeout always means
     * "not paid".
     */
    private Answer.Reply timedOutInTheQueue(B2cRequest request, FaultDice.RequestFate fate) {
        String conversationId = ids.conversationId(LocalDate.now(clock.withZone(NAIROBI)));
        log.info("queue-timeout fault: B2C {} acknowledged as {} but never processed", request.originatorConversationId(),
                conversationId);
        callbacks.send(request.queueTimeOutUrl(),
                DarajaBodies.b2cQueueTimeout(request, conversationId, ids.transactionId()), fate);
        return Answer.json(200, DarajaBodies.acknowledgement(conversationId, request.originatorConversationId()));
    }
}
