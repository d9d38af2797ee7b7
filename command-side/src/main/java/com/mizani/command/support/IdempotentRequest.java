package com.mizani.command.support;

import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.identity.Caller;

import java.util.UUID;

/** The identity of a mutating request: the id it creates is derived from who asked (their namespace) and their key. */
public record IdempotentRequest(String clientId, String key) {

    public static final String KEY_HEADER = "Idempotency-Key";

    public static IdempotentRequest of(Caller caller, String keyHeader) {
        return new IdempotentRequest(caller.idempotencyNamespace(), IdempotencyKeys.requireValid(keyHeader));
    }

    /**
     * A key sent in a body field (each item of a batch has its own) rather than in the header: the same rules, and the
     * same id as the header's key would make, so that the two are one request.
     */
    public static IdempotentRequest ofField(Caller caller, String field, String key) {
        return new IdempotentRequest(caller.idempotencyNamespace(), IdempotencyKeys.requireValid(key, field));
    }

    public UUID idFor(String scope) {
        return IdempotencyKeys.deriveId(scope, clientId, key);
    }
}
