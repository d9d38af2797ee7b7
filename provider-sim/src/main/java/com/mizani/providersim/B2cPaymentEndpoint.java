package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mpesa/b2c/v3/paymentrequest}: settles the payout in the ledger (at most once per
 * OriginatorConversationID), acknowledges synchronously and sends the {@code Result} to the ResultURL.
 */
final class B2cPaymentEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/b2c/v3/paymentrequest";
    private static final Logger log = LoggerFactory.getLogger(B2cPaymentEndpoint.class);

    private final PayoutLedger ledger;
    private final CallbackSender callbacks;
    private final Clock clock;

    B2cPaymentEndpoint(PayoutLedger ledger, CallbackSender callbacks, Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        B2cRequest request = B2cRequest.parse(body);
        PayoutLedger.Acceptance acceptance = ledger.accept(request, fate.injectedFailureCode(), clock.instant());
        Payout payout = acceptance.payout();
        log.info("B2C {} {}: {} KES to {} -> {} (result {}, request #{})", request.originatorConversationId(),
                acceptance.firstRequest() ? "new" : "repeated", payout.amount(), payout.msisdn(), payout.status(),
                payout.resultCode(), payout.timesRequested());
        // A repeat re-sends the original result to the original ResultURL: the outcome was settled once.
        callbacks.send(payout.resultUrl(), DarajaBodies.b2cResult(payout), fate);
        return Answer.json(200, DarajaBodies.acknowledgement(payout.conversationId(), payout.originatorConversationId()));
    }
}
