package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's own admin surface under {@code /simulator}: its ledger, its account balance, lookups and its
 * fault knobs. No token is needed and no fault applies here: this is how tests and operators observe and steer
 * the simulator, not part of the provider API.
 */
final class AdminEndpoints {

    static final String LEDGER_PATH = "/simulator/ledger";
    static final String BALANCE_PATH = "/simulator/balance";
    static final String FAULTS_PATH = "/simulator/faults";
    static final String STK_PATH = "/simulator/stk";
    static final String TRANSACTIONS_PATH = "/simulator/transactions/";
    static final String PAYOUTS_PATH = "/simulator/payouts/";
    private static final String REVERSE = "/reverse";
    static final int DEFAULT_LIMIT = 1_000;
    static final int MAX_LIMIT = 10_000;

    private final Ledger ledger;
    private final AtomicReference<Faults> faults;
    private final CallbackSender callbacks;
    private final Clock clock;

    AdminEndpoints(Ledger ledger, AtomicReference<Faults> faults, CallbackSender callbacks, Clock clock) {
        this.ledger = ledger;
        this.faults = faults;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /**
     * Totals over the whole ledger, then the newest {@code limit} records (of one {@code direction} if asked),
     * oldest first. With {@code after} (a record's {@code sequence}; 0 for the start) it is instead the first
     * {@code limit} records after that one, and {@code nextAfter} is where the next page starts (null at the end):
     * how a statement reads every record of a big ledger. Whole-KES figures are kept next to the cent ones for
     * callers of the first version.
     */
    Answer ledger(HttpExchange exchange) {
        QueryParams params = new QueryParams(exchange.getRequestURI());
        int limit = params.intWithin("limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        LedgerRecord.Direction direction = params.enumValue("direction", LedgerRecord.Direction.class);
        String after = params.get("after");
        List<Ledger.Entry> page = after == null ? ledger.latest(direction, limit)
                : ledger.after(direction, sequence(after), limit);
        Ledger.Summary summary = ledger.summary();
        LedgerTotals totals = summary.totals();
        ObjectNode body = Json.object();
        body.put("currency", Money.CURRENCY);
        body.put("startingFloatMinor", ledger.startingFloatMinor());
        body.put("paidCount", totals.paidCount());
        body.put("paidTotalMinor", totals.paidTotalMinor());
        body.put("receivedCount", totals.receivedCount());
        body.put("receivedTotalMinor", totals.receivedTotalMinor());
        body.put("balanceMinor", totals.balanceMinor());
        body.put("balance", Money.kes(totals.balanceMinor()));
        body.put("failedCount", summary.withoutMoney());
        body.put("recordCount", summary.records());
        body.put("startingFloat", ledger.startingFloatMinor() / 100);
        body.put("totalPaidOut", totals.paidTotalMinor() / 100);
        body.put("totalReceived", totals.receivedTotalMinor() / 100);
        body.put("utilityAccountAvailableFunds", totals.balanceMinor() / 100);
        body.put("direction", direction == null ? null : direction.name());
        body.put("limit", limit);
        body.put("matchingCount", direction == null ? summary.records()
                : direction == LedgerRecord.Direction.PAID ? summary.paidRecords() : summary.receivedRecords());
        ArrayNode records = body.putArray("records");
        for (Ledger.Entry entry : page) {
            records.add(LedgerJson.row(entry));
        }
        if (after != null) {
            boolean more = page.size() == limit && limit > 0;
            body.put("nextAfter", more ? page.getLast().sequence() : null);
        }
        return Answer.json(200, body);
    }

    /**
     * {@code POST /simulator/payouts/{originatorConversationId}/reverse}: the provider takes a paid payout's money
     * back, as real ones do after a complaint or an error, and tells the payout's ResultURL with a failure
     * {@code Result} ({@link ResultCodes#REVERSED}). 404 for an unknown payout, 409 for one that is not paid.
     */
    Answer reverse(HttpExchange exchange) {
        String rest = exchange.getRequestURI().getPath().substring(PAYOUTS_PATH.length());
        if (!rest.endsWith(REVERSE) || rest.length() == REVERSE.length()) {
            return Answer.json(404, DarajaBodies.error("404.001.01", "Resource not found"));
        }
        String originatorId = rest.substring(0, rest.length() - REVERSE.length());
        if (ledger.findPayoutByOriginatorId(originatorId).isEmpty()) {
            return Answer.json(404, DarajaBodies.error("404.001.01", "No payout with this OriginatorConversationID"));
        }
        return ledger.reversePayout(originatorId, clock.instant())
                .<Answer>map(reversed -> {
                    callbacks.send(reversed.resultUrl(), DarajaBodies.b2cResult(reversed), FaultDice.RequestFate.UNHARMED);
                    return Answer.json(200, LedgerJson.row(ledger.findByAnyId(originatorId).orElseThrow()));
                })
                .orElseGet(() -> Answer.json(409, DarajaBodies.error("409.001.01", "The payout is not paid: nothing to reverse")));
    }

    private static long sequence(String after) {
        try {
            long sequence = Long.parseLong(after);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException notANumber) {
            // Refused below, like a negative one.
        }
        throw new InvalidRequestException("Invalid after: expected a record's sequence (0 or more), was " + after);
    }

    /**
     * Shaped like Daraja's account balance result: the figures by account, plus the pipe-separated
     * {@code AccountBalance} string the real provider sends. Payouts and deposits both use the utility account.
     */
    Answer balance(HttpExchange exchange) {
        long balanceMinor = ledger.balanceMinor();
        ObjectNode body = Json.object();
        body.put("Currency", Money.CURRENCY);
        body.put("UtilityAccountAvailableFunds", balanceMinor / 100);
        body.put("WorkingAccountAvailableFunds", 0L);
        body.put("ChargesPaidAccountAvailableFunds", 0L);
        body.put("AccountBalance", DarajaBodies.accountBalance(balanceMinor));
        body.put("balance", Money.kes(balanceMinor));
        body.put("balanceMinor", balanceMinor);
        return Answer.json(200, body);
    }

    /**
     * {@code GET /simulator/stk?callbackUrl=}: the push made with that CallBackURL. After a push that timed out the
     * app has no CheckoutRequestID to query Daraja with, but it does know the callback URL it sent.
     */
    Answer stk(HttpExchange exchange) {
        String callbackUrl = new QueryParams(exchange.getRequestURI()).get("callbackUrl");
        if (callbackUrl == null) {
            throw new InvalidRequestException("Invalid callbackUrl: missing");
        }
        return ledger.findStkByCallbackUrl(callbackUrl)
                .<Answer>map(entry -> Answer.json(200, LedgerJson.row(entry)))
                .orElseGet(() -> Answer.json(404, DarajaBodies.error("404.001.01", "No STK push with this CallBackURL")));
    }

    /** {@code GET /simulator/transactions/{id}}: by OriginatorConversationID, CheckoutRequestID, TransID or receipt. */
    Answer transaction(HttpExchange exchange) {
        String id = exchange.getRequestURI().getPath().substring(TRANSACTIONS_PATH.length());
        return ledger.findByAnyId(id)
                .<Answer>map(entry -> Answer.json(200, LedgerJson.row(entry)))
                .orElseGet(() -> Answer.json(404, DarajaBodies.error("404.001.01", "No transaction with this id")));
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
