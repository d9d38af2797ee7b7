package com.mizani.app.security;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives controllers the {@link Caller} of the request they serve: the principal its bearer token names. With
 * authentication switched off (local measurement only) every caller holds every role, and {@code X-Client-Id} /
 * {@code X-Operator} say who it is, as before authentication existed.
 */
final class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String CLIENT_HEADER = "X-Client-Id";
    static final String OPERATOR_HEADER = "X-Operator";
    /** Requests without an X-Client-Id share one idempotency namespace. */
    static final String DEFAULT_CLIENT = "public";
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern OPERATOR = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final Set<String> EVERY_ROLE = EnumSet.allOf(Role.class).stream()
            .filter(role -> role != Role.CUSTOMER).map(Role::claimValue).collect(Collectors.toUnmodifiableSet());

    private final boolean authenticationOn;

    CallerArgumentResolver(boolean authenticationOn) {
        this.authenticationOn = authenticationOn;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest web,
                                  WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof PrincipalAuthentication authenticated) {
            return authenticated.caller();
        }
        if (authenticationOn) {
            // The policy lets no unauthenticated request reach a controller that needs a caller.
            throw new MizaniException(ErrorCode.AUTHENTICATION_REQUIRED, "this endpoint needs a bearer token");
        }
        return fromHeaders(web.getNativeRequest(HttpServletRequest.class));
    }

    private static Caller fromHeaders(HttpServletRequest request) {
        String operator = request.getHeader(OPERATOR_HEADER);
        if (operator != null) {
            if (!OPERATOR.matcher(operator).matches()) {
                throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                        OPERATOR_HEADER + " must be 1 to 64 letters, digits, '.', '_', '@' or '-'");
            }
            return Caller.user(operator, EVERY_ROLE, null);
        }
        String client = request.getHeader(CLIENT_HEADER);
        if (client == null) {
            return Caller.client(DEFAULT_CLIENT, EVERY_ROLE, null);
        }
        if (!CLIENT_ID.matcher(client).matches()) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    CLIENT_HEADER + " must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return Caller.client(client, EVERY_ROLE, null);
    }
}
