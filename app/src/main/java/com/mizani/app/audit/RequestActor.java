package com.mizani.app.audit;

import com.mizani.app.security.PrincipalAuthentication;
import com.mizani.kernel.identity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;

import java.util.regex.Pattern;

/**
 * Who an HTTP request acts for, as the audit trail names it, and the roles it held. Provider callbacks act for the
 * provider (whether their signature holds is decided later, and a refusal is audited with its reason); an
 * authenticated request acts for its principal. Only with authentication switched off (a local measurement mode)
 * are the {@code X-Operator} and {@code X-Client-Id} headers read, as they were before authentication existed.
 *
 * @param name  {@code client:<id>}, {@code user:<subject>}, {@code provider:<name>}, or {@code anonymous}
 * @param roles the roles, comma-separated, or null when the actor holds none
 */
record RequestActor(String name, String roles) {

    static final String OPERATOR_HEADER = "X-Operator";
    static final String CLIENT_HEADER = "X-Client-Id";

    private static final String PROVIDER_CALLBACKS = "/api/v1/providers/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    static RequestActor of(HttpServletRequest request, Authentication authentication) {
        String path = request.getRequestURI();
        if (path.startsWith(PROVIDER_CALLBACKS)) {
            String provider = path.substring(PROVIDER_CALLBACKS.length()).split("/", 2)[0];
            return new RequestActor("provider:" + (NAME.matcher(provider).matches() ? provider : "unknown"), null);
        }
        if (authentication instanceof PrincipalAuthentication authenticated) {
            Caller caller = authenticated.caller();
            return new RequestActor(caller.principal(),
                    caller.roles().isEmpty() ? null : String.join(",", caller.roles().stream().sorted().toList()));
        }
        return unauthenticated(request);
    }

    /** Authentication switched off: the headers say who asks, as they did before it existed. */
    private static RequestActor unauthenticated(HttpServletRequest request) {
        String operator = request.getHeader(OPERATOR_HEADER);
        if (operator != null && NAME.matcher(operator).matches()) {
            return new RequestActor("user:" + operator, null);
        }
        String client = request.getHeader(CLIENT_HEADER);
        return new RequestActor("client:" + (client != null && NAME.matcher(client).matches() ? client : "anonymous"), null);
    }
}
