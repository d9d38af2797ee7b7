package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.function.Supplier;

/** Hands every {@code /api/**} request to the {@link AccessPolicy}; a request without a valid token is refused. */
final class PolicyAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private final AccessPolicy policy;

    PolicyAuthorization(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof PrincipalAuthentication authenticated)) {
            return AccessDecision.refuse(ErrorCode.AUTHENTICATION_REQUIRED, "this endpoint needs a bearer token");
        }
        return policy.decide(context.getRequest(), authenticated.caller());
    }
}
