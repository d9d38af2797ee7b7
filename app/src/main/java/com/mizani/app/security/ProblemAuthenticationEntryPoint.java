package com.mizani.app.security;

import com.mizani.app.web.ProblemResponses;
import com.mizani.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * Answers a request without a valid token: 401, the {@code WWW-Authenticate} header of RFC 6750 (Spring's bearer
 * entry point writes it), and a problem whose code says what was wrong: no token, an expired one, another issuer or
 * audience, a bad signature or {@code alg: none} (both {@code TOKEN_INVALID}), or a disabled principal.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        bearer.commence(request, response, failure);
        ErrorCode code = codeOf(failure);
        ProblemResponses.write(response, code, switch (code) {
            case AUTHENTICATION_REQUIRED -> "this endpoint needs a bearer token (Authorization: Bearer <token>)";
            case TOKEN_EXPIRED -> "the bearer token has expired; get a new one";
            case TOKEN_ISSUER_INVALID -> "the bearer token was issued by an issuer this API does not trust";
            case TOKEN_AUDIENCE_INVALID -> "the bearer token is not meant for this API (audience)";
            case PRINCIPAL_DISABLED -> "the principal of this token is disabled";
            default -> "the bearer token is malformed, or its signature does not verify";
        });
    }

    private static ErrorCode codeOf(AuthenticationException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TokenRefusal refusal) {
                return refusal.code();
            }
            if (cause instanceof JwtValidationException invalid) {
                return invalid.getErrors().stream().findFirst().map(TokenRefusal.Error::codeOf).orElse(ErrorCode.TOKEN_INVALID);
            }
        }
        return failure instanceof OAuth2AuthenticationException ? ErrorCode.TOKEN_INVALID : ErrorCode.AUTHENTICATION_REQUIRED;
    }
}
