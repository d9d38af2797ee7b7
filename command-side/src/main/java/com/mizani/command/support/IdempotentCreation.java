package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.util.Objects;

/**
 * The rule for a request repeated under a key that has already created something. Every aggregate created from a
 * client's key takes its id from that key and handles its creating command with Axon's {@code CREATE_IF_MISSING}
 * policy, so a repeat reaches the aggregate the first request created. There it asks this: the same payload (the same
 * fingerprint) gets the first request's answer, another payload under the same key is a conflict.
 */
public final class IdempotentCreation {

    private IdempotentCreation() {
    }

    /**
     * Refuses with IDEMPOTENCY_KEY_REUSED unless the repeat carries the fingerprint the aggregate was created with.
     *
     * @param what what the key created, as the refusal names it ("transfer", "wallet request")
     */
    public static void requireSamePayload(String createdWith, String repeatedWith, String what) {
        if (!Objects.equals(createdWith, repeatedWith)) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different " + what);
        }
    }
}
