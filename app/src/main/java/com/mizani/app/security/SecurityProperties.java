package com.mizani.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How requests are authenticated.
 *
 * @param enabled          whether {@code /api/**} requires a bearer token; off is refused in production mode and
 *                         exists only to measure what authentication costs
 * @param issuerUri        the OIDC issuer whose tokens are accepted (required in production mode); empty in local
 *                         mode means the embedded issuer
 * @param localIssuer      the {@code iss} of the embedded issuer's tokens (local mode)
 * @param audience         the audience every accepted token must name
 * @param rolesClaim       the claim that lists a token's roles
 * @param ownerClaim       the claim that binds a {@code customer} token to its owner id
 * @param accessTokenTtl   how long a token of the embedded issuer is valid
 * @param principalCheckMs how long the embedded issuer's "is this client or user still enabled" answer is cached;
 *                         a disabled principal's tokens stop working within this time
 * @param clockSkew        how far a token's times may be off before it counts as expired or not yet valid
 * @param bootstrapAdminSecret the secret of {@code mizani-admin}, created at the first start in local mode;
 *                         generated and printed once when empty
 * @param cleanupIntervalMs how often the embedded issuer deletes the authorizations whose tokens have all expired
 */
@ConfigurationProperties("mizani.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("") String issuerUri,
                                 @DefaultValue("http://localhost:8080") String localIssuer,
                                 @DefaultValue("mizani") String audience,
                                 @DefaultValue("roles") String rolesClaim,
                                 @DefaultValue("owner_id") String ownerClaim,
                                 @DefaultValue("15m") Duration accessTokenTtl,
                                 @DefaultValue("5000") long principalCheckMs,
                                 @DefaultValue("30s") Duration clockSkew,
                                 @DefaultValue("") String bootstrapAdminSecret,
                                 @DefaultValue("600000") long cleanupIntervalMs) {

    public boolean usesEmbeddedIssuer() {
        return issuerUri == null || issuerUri.isBlank();
    }
}
