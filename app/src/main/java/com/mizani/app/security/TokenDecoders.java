package com.mizani.app.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Clock;
import java.util.function.Predicate;

/**
 * How bearer tokens are verified. With the embedded issuer, against its own keys in this process (no HTTP round
 * trip); with an outside OIDC provider, against the keys its discovery document names, fetched on the first token
 * (so that the application starts even while the provider is briefly unreachable) and cached by Nimbus. Only
 * asymmetric signatures are accepted; {@code alg: none} and HMAC tokens are refused by the key selector.
 */
final class TokenDecoders {

    private TokenDecoders() {
    }

    /** {@code keyStillTrusted} answers whether the key a verified token names still verifies (a rotation may retire it). */
    static JwtDecoder embedded(JWKSource<SecurityContext> keys, Predicate<String> keyStillTrusted,
                               SecurityProperties settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(TokenValidation.of(settings.localIssuer(), settings));
        return new VerifiedTokens(decoder, jwt -> keyStillTrusted.test(keyIdOf(jwt)), Clock.systemUTC());
    }

    /** An outside provider's key set is Nimbus's to refresh; a verified token is trusted for {@link VerifiedTokens#REMEMBER} at most. */
    static JwtDecoder outside(SecurityProperties settings) {
        return new VerifiedTokens(new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
            decoder.setJwtValidator(TokenValidation.of(settings.issuerUri(), settings));
            return decoder;
        }), jwt -> true, Clock.systemUTC());
    }

    private static String keyIdOf(Jwt jwt) {
        Object keyId = jwt.getHeaders().get("kid");
        return keyId == null ? null : keyId.toString();
    }
}
