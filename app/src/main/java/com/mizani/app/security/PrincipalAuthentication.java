package com.mizani.app.security;

import com.mizani.kernel.identity.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request: the {@link Caller} its bearer token names, and the token itself. */
public final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final Caller caller;
    private final Jwt token;

    public PrincipalAuthentication(Caller caller, Jwt token) {
        super(caller.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
        this.caller = caller;
        this.token = token;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return caller.principal();
    }
}
