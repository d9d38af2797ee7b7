package com.mizani.kernel.error;

import java.util.Objects;

/**
 * A refusal with a stable error code. Domain rules throw it; the command bus carries the code across
 * process boundaries; the REST layer turns it into problem+json.
 */
public class MizaniException extends RuntimeException {

    private final ErrorCode code;

    public MizaniException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
