package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /mpesa/b2c/v3/paymentrequest}: settles the payout in the ledger (at most once per
 * OriginatorConversationID), acknowledges synchronously and sends the {@code Result} to the ResultURL. Under the
 * delayed-settlement and contradiction faults part of that happens later, on {@link LaterWork}.
 */
final class B2cPaymentEndpoint implements TransactionEndpoint {

    static final String PATH = "/mpesa/b2c/v3/paymentrequest";
    private static final Logger log = LoggerFactory.getLogger(B2cPaymentEndpoint.class);
    private static final ZoneId NAIROBI = ZoneId.of("Africa/Nairobi");

    private final Ledger ledger;
    private final CallbackSender callbacks;
    private final LaterWork later;
    private final Supplier<Faults> faults;
    private final Ids ids;
    private final Clock clock;

    B2cPaymentEndpoint(Ledger ledger, CallbackSender callbacks, LaterWork later, Supplier<Faults> faults, Ids ids,
                       Clock clock) {
        this.ledger = ledger;
        this.callbacks = callbacks;
        this.later = later;
        this.faults = faults;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Answer.Reply process(JsonNode body, FaultDice.RequestFate fate) {
        B2cRequest request = B2cRequest.parse(body);
        String originatorId = request.originatorConversationId();
        Optional<String> waiting = ledger.deferredConversationId(originatorId);
        if (waiting.isPresent()) {
            // A repeat of a payout still waiting to be processed: accepted again, processed once, when its time comes.
            log.info("B2C {} repeated while it waits to be processed", originatorId);
            return Answer.json(200, DarajaBodies.acknowledgement(waiting.get(), originatorId));
        }
        boolean firstSeen = ledger.findPayoutByOriginatorId(originatorId).isEmpty();
        if (fate.queueTimeout() && firstSeen) {
            return timedOutInTheQueue(request, fate);
        }
        if (fate.delayedSettlement() && firstSeen) {
            Optional<String> deferred = ledger.deferPayout(originatorId, clock.instant());
            if (deferred.isPresent()) {
                long delayMs = faults.get().settlementDelayMs();
                log.info("delayed-settlement fault: B2C {} acknowledged as {}, processed in {} ms", originatorId,
                        deferred.get(), delayMs);
                later.after(delayMs, "the delayed B2C " + originatorId, () -> settle(request, fate));
                return Answer.json(200, DarajaBodies.acknowledgement(deferred.get(), originatorId));
            }
        }
        Payout payout = settle(request, fate);
        return Answer.json(200, DarajaBodies.acknowledgement(payout.conversationId(), payout.originatorConversationId()));
    }

    private Payout settle(B2cRequest request, FaultDice.RequestFate fate) {
        // A contradiction only turns a payout that would be paid into a failure first; an injected failure stays one.
        boolean contradicted = fate.contradictionCode() != null && fate.injectedFailureCode() == null;
        Integer failureCode = contradicted ? fate.contradictionCode() : fate.injectedFailureCode();
        Ledger.Acceptance<Payout> acceptance = ledger.acceptPayout(request, failureCode, fate.extraShillings(),
                clock.instant());
        Payout payout = acceptance.record();
        log.info("B2C {} {}: {} KES to {} -> {} (result {}, request #{})", request.originatorConversationId(),
                acceptance.firstRequest() ? "new" : "repeated", payout.amount(), payout.msisdn(), payout.status(),
                payout.resultCode(), acceptance.timesRequested());
        // A repeat re-sends the current result to the original ResultURL: the outcome was settled once.
        callbacks.send(payout.resultUrl(), DarajaBodies.b2cResult(payout), fate);
        if (contradicted && acceptance.firstRequest()) {
            long delayMs = faults.get().contradictionDelayMs();
            later.after(delayMs, "the contradiction of B2C " + payout.originatorConversationId(),
                    () -> payAfterAll(payout.originatorConversationId(), fate));
        }
        return payout;
    }

    /** The contradiction fault's second half: the failed payout is paid, and a success result follows the failure. */
    private void payAfterAll(String originatorId, FaultDice.RequestFate fate) {
        ledger.payAfterAll(originatorId, fate.extraShillings(), clock.instant()).ifPresentOrElse(paid -> {
            log.info("contradiction fault: B2C {} failed, now paid after all ({} KES, receipt {})", originatorId,
                    paid.amount(), paid.receipt());
            callbacks.send(paid.resultUrl(), DarajaBodies.b2cResult(paid), fate);
        }, () -> log.info("contradiction fault: B2C {} cannot be paid after all (no longer failed, or no funds)",
                originatorId));
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
