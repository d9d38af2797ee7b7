package com.mizani.app.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * How bearer tokens are verified. With the embedded issuer, against its own keys in this process (no HTTP round
 * trip); with an outside OIDC provider, against the keys its discovery document names, fetched on the first token
 * (so that the application starts even while the provider is briefly unreachable) and cached by Nimbus. Only
 * asymmetric signatures are accepted; {@code alg: none} and HMAC tokens are refused by the key selector.
 */
final class TokenDecoders {

    private TokenDecoders() {
    }

    static JwtDecoder embedded(JWKSource<SecurityContext> keys, SecurityProperties settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(TokenValidation.of(settings.localIssuer(), settings));
        return decoder;
    }

    static JwtDecoder outside(SecurityProperties settings) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
            decoder.setJwtValidator(TokenValidation.of(settings.issuerUri(), settings));
            return decoder;
        });
    }
}
