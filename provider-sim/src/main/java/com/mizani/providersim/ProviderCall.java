package com.mizani.providersim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every Daraja transaction call goes through around its business part: bearer authentication, the
 * transport faults (server error before processing, no answer after processing) and the injected latency.
 */
final class ProviderCall implements Endpoint {

    private static final Logger log = LoggerFactory.getLogger(ProviderCall.class);

    private final AccessTokens tokens;
    private final Supplier<Faults> faults;
    private final FaultDice dice;
    private final Delays delays;
    private final TransactionEndpoint transaction;

    ProviderCall(AccessTokens tokens, Supplier<Faults> faults, FaultDice dice, Delays delays, TransactionEndpoint transaction) {
        this.tokens = tokens;
        this.faults = faults;
        this.dice = dice;
        this.delays = delays;
        this.transaction = transaction;
    }

    @Override
    public Answer answer(HttpExchange exchange) throws IOException {
        Faults current = faults.get();
        if (!tokens.bearerIsValid(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return late(current, Answer.json(401, DarajaBodies.error("404.001.03", "Invalid Access Token")));
        }
        FaultDice.RequestFate fate = dice.roll(current);
        if (fate.serverErrorStatus() != 0) {
            log.info("server-error fault: answering {} without processing", fate.serverErrorStatus());
            return late(current, Answer.json(fate.serverErrorStatus(), fate.serverErrorStatus() == 503
                    ? DarajaBodies.error("503.001.01", "Service Unavailable")
                    : DarajaBodies.error("500.003.02", "Internal Server Error")));
        }
        Answer.Reply reply = transaction.process(Json.read(exchange.getRequestBody()), fate);
        if (fate.unanswered()) {
            // The request has been processed (a payout may have been made); the client just never learns it here.
            log.info("timeout fault: holding the connection {} ms, then dropping it unanswered", current.timeoutHoldMs());
            delays.pause(current.timeoutHoldMs());
            return new Answer.Dropped();
        }
        return late(current, reply);
    }

    /** Latency is added after processing, so an answer that arrives too late for the client may still mean "paid". */
    private Answer late(Faults current, Answer.Reply reply) {
        delays.pause(current.latencyMs());
        return reply;
    }
}
