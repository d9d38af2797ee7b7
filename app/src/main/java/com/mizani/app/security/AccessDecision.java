package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;
import org.springframework.security.authorization.AuthorizationResult;

/**
 * The policy's answer for one request. A refusal carries the problem the client gets: 403 for a role that may not,
 * 404 for another owner's resource (so that a customer learns nothing of what is not theirs), 400 for an ownership
 * field that is malformed, 404 or 405 for a path or method no rule knows.
 */
public record AccessDecision(boolean isGranted, ErrorCode code, String detail) implements AuthorizationResult {

    private static final AccessDecision GRANTED = new AccessDecision(true, null, null);

    public static AccessDecision grant() {
        return GRANTED;
    }

    public static AccessDecision refuse(ErrorCode code, String detail) {
        return new AccessDecision(false, code, detail);
    }
}
