package com.mizani.app.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Remembers the tokens it has verified. An application sends the same token with every request for the token's
 * whole life, and checking an RSA signature and parsing the claims again each time was most of what authentication
 * cost a request (docs/benchmarks.md). A token is remembered only after it passed every check, for at most
 * {@link #REMEMBER} and never past its expiry; the key that signed it must still be trusted at each use, so an
 * immediate key rotation stops remembered tokens too. A token that fails is never remembered: it is checked in full
 * every time.
 */
final class VerifiedTokens implements JwtDecoder {

    static final java.time.Duration REMEMBER = java.time.Duration.ofSeconds(60);
    private static final int REMEMBERED = 10_000;

    private record Verified(Jwt token, Instant until) {
    }

    private final JwtDecoder verifier;
    private final Predicate<Jwt> keyStillTrusted;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier, Predicate<Jwt> keyStillTrusted, Clock clock) {
        this.verifier = verifier;
        this.keyStillTrusted = keyStillTrusted;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until()) && keyStillTrusted.test(known.token())) {
            return known.token();
        }
        if (known != null) {
            verified.remove(token);
        }
        Jwt decoded = verifier.decode(token);
        Instant until = now.plus(REMEMBER);
        if (decoded.getExpiresAt() != null && decoded.getExpiresAt().isBefore(until)) {
            until = decoded.getExpiresAt();
        }
        if (verified.size() >= REMEMBERED) {
            verified.clear(); // a crude bound: forgetting costs one full check per token, never a wrong answer
        }
        verified.put(token, new Verified(decoded, until));
        return decoded;
    }
}
