package com.mizani.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once and then remembered, but never past its expiry, its key's trust, or a minute. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicBoolean valid = new AtomicBoolean(true);
    private final AtomicBoolean keyTrusted = new AtomicBoolean(true);
    private Instant expiresAt = NOW.plus(Duration.ofMinutes(15));

    /** Stands for the signature and claims check: counts its calls, and fails when told the token is bad. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!valid.get()) {
            throw new BadJwtException("signature does not verify");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").header("kid", "k1").subject("client")
                .issuedAt(NOW).expiresAt(expiresAt).build();
    };
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, jwt -> keyTrusted.get(), clock);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWithinAMinute() {
        for (int i = 0; i < 100; i++) {
            assertThat(tokens.decode("token").getSubject()).isEqualTo("client");
        }
        assertThat(verifications).hasValue(1);
        now.set(NOW.plus(VerifiedTokens.REMEMBER).plusSeconds(1));
        tokens.decode("token");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItExpired() {
        expiresAt = NOW.plusSeconds(10);
        tokens.decode("token");
        now.set(NOW.plusSeconds(11));
        valid.set(false); // what the full check says of an expired token
        assertThatThrownBy(() -> tokens.decode("token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWhoseKeyIsNoLongerTrustedIsVerifiedAgain() {
        tokens.decode("token");
        keyTrusted.set(false);
        valid.set(false); // the retired key no longer verifies it
        assertThatThrownBy(() -> tokens.decode("token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        valid.set(false);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("bad")).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(3);
    }
}
