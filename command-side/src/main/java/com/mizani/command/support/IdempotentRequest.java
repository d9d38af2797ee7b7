package com.mizani.command.support;

import com.mizani.kernel.idempotency.IdempotencyKeys;

import java.util.UUID;

/** The identity of a mutating request: the id it creates is derived from who asked (their namespace) and their key. */
public record IdempotentRequest(String clientId, String key) {

    public static final String KEY_HEADER = "Idempotency-Key";

    public static IdempotentRequest of(Caller caller, String keyHeader) {
        return new IdempotentRequest(caller.idempotencyNamespace(), IdempotencyKeys.requireValid(keyHeader));
    }

    public UUID idFor(String scope) {
        return IdempotencyKeys.deriveId(scope, clientId, key);
    }
}
