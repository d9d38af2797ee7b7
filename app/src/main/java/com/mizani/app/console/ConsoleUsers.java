package com.mizani.app.console;

import com.mizani.app.security.PrincipalAuthentication;
import com.mizani.app.security.TokenPrincipals;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Who signed in, from the access token the sign-in obtained, decoded and checked by the API's own decoder and read by
 * its own {@link TokenPrincipals}: a person the API would refuse (a token for another audience, a disabled user)
 * cannot sign in to the pages either.
 */
final class ConsoleUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final JwtDecoder decoder;
    private final TokenPrincipals principals;

    ConsoleUsers(JwtDecoder decoder, TokenPrincipals principals) {
        this.decoder = decoder;
        this.principals = principals;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        try {
            PrincipalAuthentication principal = principals.convert(decoder.decode(request.getAccessToken().getTokenValue()));
            return new ConsoleUser(principal.caller(), principal.getAuthorities(), request.getIdToken());
        } catch (JwtException | IllegalArgumentException | org.springframework.security.core.AuthenticationException refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", refused.getMessage(), null), refused);
        }
    }
}
