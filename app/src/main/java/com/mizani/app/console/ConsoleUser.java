package com.mizani.app.console;

import com.mizani.kernel.identity.Caller;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.io.Serial;
import java.util.Collection;
import java.util.HashSet;
import java.util.UUID;

/**
 * A person signed in to the dashboards: who its API token says it is (principal, roles, owner), read from that token
 * exactly as the API reads it. The pages show and offer by it; the API decides.
 */
public final class ConsoleUser extends DefaultOidcUser {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String principal;
    private final HashSet<String> roles;
    private final UUID ownerId;

    ConsoleUser(Caller caller, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken) {
        super(authorities, idToken);
        this.principal = caller.principal();
        this.roles = new HashSet<>(caller.roles());
        this.ownerId = caller.ownerId();
    }

    public Caller caller() {
        return new Caller(principal, roles, ownerId);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isCustomer() {
        return has("customer");
    }

    /** Operations staff: whoever may open the operations console. */
    public boolean isStaff() {
        return has("operator") || has("approver") || has("auditor") || has("admin");
    }

    /** The name shown on the pages: the principal without its {@code user:} prefix. */
    public String displayName() {
        return principal.startsWith(Caller.USER_PREFIX) ? principal.substring(Caller.USER_PREFIX.length()) : principal;
    }

    public UUID ownerId() {
        return ownerId;
    }
}
