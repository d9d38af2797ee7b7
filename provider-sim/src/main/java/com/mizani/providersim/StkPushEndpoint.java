package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mpesa/stkpush/v1/processrequest}: prompts the simulated customer, who answers at once, and settles
 * the answer in the ledger (at most once per CallBackURL); acknowledges synchronously and sends the
 * {@code stkCallback} to the CallBackURL. The outcome is settled before the acknowledgement, so a push whose
 * answer was lost to a timeout may still have been paid: {@code /simulator/stk?callbackUrl=} tells.
 */
final class StkPushEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/stkpush/v1/processrequest";
    private static final Logger log = LoggerFactory.getLogger(StkPushEndpoint.class);

    private final Ledger ledger;
    private final CallbackSender callbacks;
    private final Clock clock;

    StkPushEndpoint(Ledger ledger, CallbackSender callbacks, Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        StkPushRequest request = StkPushRequest.parse(body);
        Ledger.Acceptance<StkPush> acceptance = ledger.acceptStkPush(request, customerAnswer(fate), clock.instant());
        StkPush push = acceptance.record();
        log.info("STK {} {}: {} KES from {} -> {} (result {}, request #{})", push.checkoutRequestId(),
                acceptance.firstRequest() ? "new" : "repeated", push.amount(), push.phoneNumber(), push.status(),
                push.resultCode(), acceptance.timesRequested());
        // A repeat re-sends the original callback to the original CallBackURL: the customer answered once.
        callbacks.send(push.callbackUrl(), StkBodies.callback(push), fate);
        return Answer.json(200, StkBodies.acknowledgement(push));
    }

    /** A failure fault comes first (the prompt never reached the customer); otherwise the customer approves or cancels. */
    private static int customerAnswer(FaultDice.RequestFate fate) {
        if (fate.injectedFailureCode() != null) {
            return fate.injectedFailureCode();
        }
        return fate.stkCancelled() ? ResultCodes.CANCELLED_BY_USER : ResultCodes.SUCCESS;
    }
}
