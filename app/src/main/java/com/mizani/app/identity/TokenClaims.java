package com.mizani.app.identity;

import com.mizani.app.security.Role;
import com.mizani.app.security.SecurityProperties;
import com.mizani.app.security.TokenPrincipals;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import java.util.List;

/**
 * What the embedded issuer's access tokens say besides the standard claims: who the principal is
 * ({@code principal_type} client or user, {@code client_id}), the audience this API checks, the principal's roles
 * and, for a customer, its owner id. Roles are read from the registry when the token is made, so a token always
 * carries the roles of that moment.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final ClientRegistry clients;
    private final UserRegistry users;
    private final SecurityProperties settings;

    TokenClaims(ClientRegistry clients, UserRegistry users, SecurityProperties settings) {
        this.clients = clients;
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        boolean isClient = AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType());
        String clientId = context.getRegisteredClient().getClientId();
        RoleAssignment assignment = (isClient ? clients.assignmentOf(clientId)
                : users.assignmentOf(context.getPrincipal().getName()))
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.ACCESS_DENIED));
        context.getClaims().claims(claims -> {
            claims.put("aud", List.of(settings.audience()));
            claims.put(TokenPrincipals.PRINCIPAL_TYPE_CLAIM, isClient ? "client" : "user");
            claims.put(TokenPrincipals.CLIENT_ID_CLAIM, clientId);
            claims.put(settings.rolesClaim(), assignment.roles().stream().map(Role::claimValue).sorted().toList());
            if (assignment.ownerId() != null) {
                claims.put(settings.ownerClaim(), assignment.ownerId().toString());
            }
        });
    }
}
