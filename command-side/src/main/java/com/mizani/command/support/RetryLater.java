package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.time.Duration;
import java.util.Objects;

/**
 * A refusal of work Mizani cannot take now but may take soon: nothing was done, and the same request (with the same
 * Idempotency-Key) is welcome again after {@link #retryAfter()}. The web layer answers it with its code and a
 * {@code Retry-After} header.
 */
public class RetryLater extends MizaniException {

    private final Duration retryAfter;

    public RetryLater(ErrorCode code, String message, Duration retryAfter) {
        super(code, message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
        }
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds as {@code Retry-After} carries it (RFC 9110): see {@link #seconds}. */
    public long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    /** A wait in whole seconds, rounded up and at least 1: a client told 0 would come straight back. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}
