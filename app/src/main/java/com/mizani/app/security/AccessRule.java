package com.mizani.app.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One operation (method and path template, as the OpenAPI document names it) and who may call it: the roles that
 * may, and how a {@code customer} may (only on what it owns), if at all. A few operations decide by the request's
 * body (a deposit in cash is a teller's, one by M-Pesa a service's or its customer's): {@code grantFor} reads it, and
 * {@code possibleGrants} names every grant it can give, for the API reference.
 */
record AccessRule(HttpMethod method, String pathTemplate, PathPatternRequestMatcher matcher,
                  PathPatternRequestMatcher anyMethodMatcher, Function<PolicyRequest, Grant> grantFor,
                  List<Grant> possibleGrants) {

    /** Who may: any of {@code roles}, or a customer on what {@code customerOwns} says is its own (null: no customer). */
    record Grant(Set<Role> roles, OwnedBy customerOwns) {
    }

    static Builder get(String pathTemplate) {
        return new Builder(HttpMethod.GET, pathTemplate);
    }

    static Builder post(String pathTemplate) {
        return new Builder(HttpMethod.POST, pathTemplate);
    }

    static Builder put(String pathTemplate) {
        return new Builder(HttpMethod.PUT, pathTemplate);
    }

    static Builder delete(String pathTemplate) {
        return new Builder(HttpMethod.DELETE, pathTemplate);
    }

    static final class Builder {
        private final HttpMethod method;
        private final String pathTemplate;

        private Builder(HttpMethod method, String pathTemplate) {
            this.method = method;
            this.pathTemplate = pathTemplate;
        }

        /** Any of these roles; customers are refused. */
        AccessRule roles(Role... roles) {
            Grant grant = new Grant(EnumSet.copyOf(List.of(roles)), null);
            return decidedBy(request -> grant, grant);
        }

        /** Any of these roles, or a customer acting on its own. */
        AccessRule rolesOrOwningCustomer(OwnedBy customerOwns, Role... roles) {
            Grant grant = new Grant(EnumSet.copyOf(List.of(roles)), customerOwns);
            return decidedBy(request -> grant, grant);
        }

        /** Decided by the request; {@code possibleGrants} are all the grants {@code grantFor} can give. */
        AccessRule decidedBy(Function<PolicyRequest, Grant> grantFor, Grant... possibleGrants) {
            PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
            return new AccessRule(method, pathTemplate, matchers.matcher(method, pathTemplate),
                    matchers.matcher(pathTemplate), grantFor, List.of(possibleGrants));
        }
    }
}
