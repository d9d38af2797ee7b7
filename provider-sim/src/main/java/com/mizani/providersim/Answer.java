package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;

/** What an endpoint answers: a JSON body with a status, or nothing at all. */
sealed interface Answer {

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body);
    }

    record Reply(int status, JsonNode body) implements Answer {
    }

    /** The connection is closed without a response, which is how a provider that timed out looks to its client. */
    record Dropped() implements Answer {
    }
}
