package com.mizani.providersim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.function.Supplier;

/**
 * {@code GET /oauth/v1/generate?grant_type=client_credentials}. Only the latency fault applies here: tests of
 * transaction faults must always be able to get a token first.
 */
final class OAuthEndpoint implements Endpoint {

    static final String PATH = "/oauth/v1/generate";

    private final AccessTokens tokens;
    private final Supplier<Faults> faults;
    private final Delays delays;

    OAuthEndpoint(AccessTokens tokens, Supplier<Faults> faults, Delays delays) {
        this.tokens = tokens;
        this.faults = faults;
        this.delays = delays;
    }

    @Override
    public Answer answer(HttpExchange exchange) {
        delays.pause(faults.get().latencyMs());
        String query = exchange.getRequestURI().getQuery();
        if (query == null || !("&" + query + "&").contains("&grant_type=client_credentials&")) {
            throw new InvalidRequestException("Invalid grant type passed");
        }
        if (!tokens.basicCredentialsMatch(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.json(401, DarajaBodies.error("401.003.01", "Invalid Authentication passed"));
        }
        ObjectNode body = Json.object();
        body.put("access_token", tokens.issue());
        // Daraja sends the lifetime as a string.
        body.put("expires_in", String.valueOf(AccessTokens.LIFETIME.toSeconds()));
        return Answer.json(200, body);
    }
}
