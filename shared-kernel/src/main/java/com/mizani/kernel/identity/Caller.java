package com.mizani.kernel.identity;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who sent the request being served, as the application's security established it. Controllers take it as a
 * parameter; they never read identity from headers themselves.
 *
 * @param principal the principal's id: {@code client:<client id>} for an application, {@code user:<subject>} for a
 *                  person; the same name the audit trail gives it
 * @param roles     the roles the principal holds
 * @param ownerId   the owner a {@code customer} principal is bound to; null for every other principal
 */
public record Caller(String principal, Set<String> roles, UUID ownerId) {

    public static final String CLIENT_PREFIX = "client:";
    public static final String USER_PREFIX = "user:";

    public Caller {
        Objects.requireNonNull(principal, "principal");
        roles = Set.copyOf(roles);
    }

    /**
     * The namespace of this caller's idempotency keys: two callers using the same key never reach each other's
     * aggregates. A client's namespace is its plain id (as before authentication, when it came from X-Client-Id),
     * so the ids derived for existing requests stay the same.
     */
    public String idempotencyNamespace() {
        return principal.startsWith(CLIENT_PREFIX) ? principal.substring(CLIENT_PREFIX.length()) : principal;
    }

    public static Caller client(String clientId, Set<String> roles, UUID ownerId) {
        return new Caller(CLIENT_PREFIX + clientId, roles, ownerId);
    }

    public static Caller user(String subject, Set<String> roles, UUID ownerId) {
        return new Caller(USER_PREFIX + subject, roles, ownerId);
    }
}
