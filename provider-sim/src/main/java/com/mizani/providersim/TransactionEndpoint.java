package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;

/** The business part of a Daraja transaction call, once the request is authenticated and has met its faults. */
@FunctionalInterface
interface TransactionEndpoint {

    Answer.Reply process(JsonNode body, FaultDice.RequestFate fate);
}
