package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.util.List;

/**
 * What a token must satisfy besides its signature: not expired (nor used before it is valid), issued by the issuer
 * this API trusts, and meant for this API. Each failure is reported with its own code, so that a client learns
 * whether to get a new token or fix its configuration.
 */
final class TokenValidation {

    private TokenValidation() {
    }

    static OAuth2TokenValidator<Jwt> of(String issuer, SecurityProperties settings) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.clockSkew());
        JwtIssuerValidator issuerValidator = new JwtIssuerValidator(issuer);
        return token -> {
            OAuth2TokenValidatorResult time = timestamps.validate(token);
            if (time.hasErrors()) {
                boolean expired = time.getErrors().stream()
                        .anyMatch(error -> error.getDescription() != null && error.getDescription().contains("expired"));
                return failure(expired ? ErrorCode.TOKEN_EXPIRED : ErrorCode.TOKEN_INVALID, time.getErrors());
            }
            OAuth2TokenValidatorResult issued = issuerValidator.validate(token);
            if (issued.hasErrors()) {
                return failure(ErrorCode.TOKEN_ISSUER_INVALID, issued.getErrors());
            }
            List<String> audience = token.getAudience();
            if (audience == null || !audience.contains(settings.audience())) {
                return OAuth2TokenValidatorResult.failure(new TokenRefusal.Error(ErrorCode.TOKEN_AUDIENCE_INVALID,
                        "the token's audience does not include " + settings.audience()));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidatorResult failure(ErrorCode code, java.util.Collection<OAuth2Error> errors) {
        String description = errors.stream().map(OAuth2Error::getDescription).findFirst().orElse(code.name());
        return OAuth2TokenValidatorResult.failure(new TokenRefusal.Error(code, description));
    }
}
