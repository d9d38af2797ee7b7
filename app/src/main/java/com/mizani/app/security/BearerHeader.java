package com.mizani.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Reads the token of {@code Authorization: Bearer <token>} (RFC 6750 §2.1; never from a query parameter or a form,
 * where it would end up in logs), checking its characters by hand: Spring's resolver does the same with a regular
 * expression, which on a 700-character token was a noticeable part of every request's cost. A header that is not a
 * bearer one is no token (the request is then anonymous); a bearer one that is malformed is refused.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String token = header.substring(PREFIX.length());
        if (!isToken68(token)) {
            throw new InvalidBearerTokenException("Bearer token is malformed");
        }
        return token;
    }

    /** RFC 6750's b64token: {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}. */
    static boolean isToken68(String token) {
        int length = token.length();
        int end = length;
        while (end > 0 && token.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = token.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
