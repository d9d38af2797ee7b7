package com.mizani.providersim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Daraja-style OAuth: HTTP Basic consumer credentials buy a bearer token valid for 3599 seconds. */
final class AccessTokens {

    static final Duration LIFETIME = Duration.ofSeconds(3599);

    private final String consumerKey;
    private final String consumerSecret;
    private final Clock clock;
    // Tokens are credentials, so they come from SecureRandom rather than the seeded generator.
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiryByToken = new ConcurrentHashMap<>();

    AccessTokens(String consumerKey, String consumerSecret, Clock clock) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.clock = clock;
    }

    /** True if the {@code Authorization} header carries exactly the configured consumer key and secret. */
    boolean basicCredentialsMatch(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        byte[] expected = (consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, decoded.getBytes(StandardCharsets.UTF_8));
    }

    String issue() {
        Instant now = clock.instant();
        // Dropping expired tokens here keeps the map bounded by the tokens issued within one lifetime.
        expiryByToken.values().removeIf(expiry -> !expiry.isAfter(now));
        byte[] bytes = new byte[21];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        expiryByToken.put(token, now.plus(LIFETIME));
        return token;
    }

    /** True if the {@code Authorization} header is {@code Bearer <token>} for an issued, unexpired token. */
    boolean bearerIsValid(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Instant expiry = expiryByToken.get(authorizationHeader.substring(7).trim());
        return expiry != null && expiry.isAfter(clock.instant());
    }
}
