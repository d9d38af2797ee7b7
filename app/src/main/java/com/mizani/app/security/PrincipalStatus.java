package com.mizani.app.security;

import com.mizani.kernel.identity.Caller;

/**
 * Whether a principal may still act. Tokens are checked by signature alone, so without this a disabled client's
 * tokens would work until they expire. The embedded issuer answers from its own registry; with an outside OIDC
 * provider, that provider disables principals and keeps its tokens short.
 */
@FunctionalInterface
public interface PrincipalStatus {

    boolean isEnabled(Caller caller);

    PrincipalStatus ALWAYS_ENABLED = caller -> true;
}
