package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.identity.Caller;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads who a validated token speaks for. Our embedded issuer says it outright ({@code principal_type}); for any
 * other OIDC provider a token is a client's when its subject is the client itself ({@code client_id} or
 * {@code azp}), or a Keycloak service account, and a person's otherwise. Roles come from {@code roles} (a list or a
 * space-separated string; unknown values are ignored), a customer's owner from {@code owner_id}.
 */
public final class TokenPrincipals implements Converter<Jwt, PrincipalAuthentication> {

    public static final String PRINCIPAL_TYPE_CLAIM = "principal_type";
    public static final String CLIENT_ID_CLAIM = "client_id";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

    private final SecurityProperties settings;
    private final PrincipalStatus status;

    public TokenPrincipals(SecurityProperties settings, PrincipalStatus status) {
        this.settings = settings;
        this.status = status;
    }

    @Override
    public PrincipalAuthentication convert(Jwt token) {
        Set<String> roles = Role.parse(claimValues(token.getClaim(settings.rolesClaim()))).stream()
                .map(Role::claimValue).collect(Collectors.toUnmodifiableSet());
        UUID owner = uuidOrNull(token.getClaimAsString(settings.ownerClaim()));
        Caller caller = isClient(token)
                ? Caller.client(plainName(clientId(token)), roles, owner)
                : Caller.user(plainName(userName(token)), roles, owner);
        if (!status.isEnabled(caller)) {
            throw new TokenRefusal(ErrorCode.PRINCIPAL_DISABLED, "the principal of this token is disabled");
        }
        return new PrincipalAuthentication(caller, token);
    }

    private static boolean isClient(Jwt token) {
        String type = token.getClaimAsString(PRINCIPAL_TYPE_CLAIM);
        if (type != null) {
            return type.equals("client");
        }
        String username = token.getClaimAsString("preferred_username");
        return token.getSubject() != null && token.getSubject().equals(clientId(token))
                || username != null && username.startsWith("service-account-");
    }

    private static String clientId(Jwt token) {
        String clientId = token.getClaimAsString(CLIENT_ID_CLAIM);
        if (clientId == null) {
            clientId = token.getClaimAsString("azp");
        }
        return clientId == null ? token.getSubject() : clientId;
    }

    private static String userName(Jwt token) {
        String username = token.getClaimAsString("preferred_username");
        return username == null ? token.getSubject() : username;
    }

    /** Names go into the audit trail and the logs: only plain ones are accepted. */
    private static String plainName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new TokenRefusal(ErrorCode.TOKEN_INVALID, "the token does not name its principal plainly");
        }
        return name;
    }

    private static Collection<String> claimValues(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return Arrays.asList(text.trim().split("\\s+"));
        }
        return List.of();
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
