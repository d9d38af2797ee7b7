package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * Why a bearer token is refused, as one of our stable codes. Token validators report it as the {@link Error} of
 * their result and the principal check throws it; the entry point turns either into a 401 problem.
 */
public final class TokenRefusal extends OAuth2AuthenticationException {

    private final ErrorCode code;

    public TokenRefusal(ErrorCode code, String description) {
        super(new Error(code, description), description);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** An RFC 6750 {@code invalid_token} error that also knows our code. */
    public static final class Error extends OAuth2Error {
        private final ErrorCode code;

        public Error(ErrorCode code, String description) {
            super(BearerTokenErrorCodes.INVALID_TOKEN, description, null);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }

        static ErrorCode codeOf(OAuth2Error error) {
            return error instanceof Error coded ? coded.code() : ErrorCode.TOKEN_INVALID;
        }
    }
}
