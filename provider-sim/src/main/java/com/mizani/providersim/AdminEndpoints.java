package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's own admin surface under {@code /simulator}: its ledger, its account balance and its fault
 * knobs. No token is needed and no fault applies here: this is how tests and operators observe and steer the
 * simulator, not part of the provider API.
 */
final class AdminEndpoints {

    static final String LEDGER_PATH = "/simulator/ledger";
    static final String BALANCE_PATH = "/simulator/balance";
    static final String FAULTS_PATH = "/simulator/faults";
    private static final String CURRENCY = "KES";

    private final PayoutLedger ledger;
    private final AtomicReference<Faults> faults;

    AdminEndpoints(PayoutLedger ledger, AtomicReference<Faults> faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    Answer ledger(HttpExchange exchange) {
        PayoutLedger.Snapshot snapshot = ledger.snapshot();
        ObjectNode body = Json.object();
        body.put("currency", CURRENCY);
        body.put("startingFloat", snapshot.startingFloat());
        body.put("totalPaidOut", snapshot.totalPaidOut());
        body.put("utilityAccountAvailableFunds", snapshot.utilityAccountAvailableFunds());
        body.put("paidCount", snapshot.payouts().stream().filter(Payout::paid).count());
        body.put("failedCount", snapshot.payouts().stream().filter(p -> !p.paid()).count());
        ArrayNode payouts = body.putArray("payouts");
        for (Payout payout : snapshot.payouts()) {
            ObjectNode row = payouts.addObject();
            row.put("originatorConversationId", payout.originatorConversationId());
            row.put("conversationId", payout.conversationId());
            row.put("status", payout.status().name());
            row.put("resultCode", payout.resultCode());
            row.put("amount", payout.amount());
            row.put("msisdn", payout.msisdn());
            row.put("receipt", payout.receipt());
            row.put("transactionId", payout.transactionId());
            row.put("finalisedAt", payout.finalisedAt().toString());
            row.put("timesRequested", payout.timesRequested());
        }
        return Answer.json(200, body);
    }

    /**
     * Shaped like Daraja's account balance result: the figures by account, plus the pipe-separated
     * {@code AccountBalance} string the real provider sends. B2C pays out of the utility account only.
     */
    Answer balance(HttpExchange exchange) {
        long utility = ledger.utilityAccountAvailableFunds();
        long working = 0;
        ObjectNode body = Json.object();
        body.put("Currency", CURRENCY);
        body.put("UtilityAccountAvailableFunds", utility);
        body.put("WorkingAccountAvailableFunds", working);
        body.put("ChargesPaidAccountAvailableFunds", 0L);
        body.put("AccountBalance", "Working Account|%s|%d.00|%d.00|0.00|0.00&Utility Account|%s|%d.00|%d.00|0.00|0.00"
                .formatted(CURRENCY, working, working, CURRENCY, utility, utility));
        return Answer.json(200, body);
    }

    Answer readFaults(HttpExchange exchange) {
        return Answer.json(200, FaultsJson.toJson(faults.get()));
    }

    /** Partial update: only the knobs in the body change. Answers with the faults now in force. */
    Answer changeFaults(HttpExchange exchange) throws IOException {
        var changes = Json.read(exchange.getRequestBody());
        Faults updated = faults.updateAndGet(current -> FaultsJson.merge(current, changes));
        return Answer.json(200, FaultsJson.toJson(updated));
    }
}
