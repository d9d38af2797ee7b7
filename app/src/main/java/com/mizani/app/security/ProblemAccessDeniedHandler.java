package com.mizani.app.security;

import com.mizani.app.web.ProblemResponses;
import com.mizani.kernel.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Answers an authenticated request the policy refused, with the problem the policy chose ({@link AccessDecision}):
 * 403 {@code ACCESS_DENIED} for a role that may not, 404 for what is another owner's, 400 for a malformed ownership
 * field, 404 or 405 for an unknown path or method.
 */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (denied instanceof AuthorizationDeniedException refused
                && refused.getAuthorizationResult() instanceof AccessDecision decision && decision.code() != null) {
            if (decision.code() == ErrorCode.ACCESS_DENIED) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
            }
            ProblemResponses.write(response, decision.code(), decision.detail());
            return;
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        ProblemResponses.write(response, ErrorCode.ACCESS_DENIED, "this operation is not allowed to this principal");
    }
}
