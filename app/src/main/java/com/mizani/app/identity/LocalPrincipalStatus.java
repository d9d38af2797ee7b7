package com.mizani.app.identity;

import com.mizani.app.security.PrincipalStatus;
import com.mizani.kernel.identity.Caller;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a principal of the embedded issuer is still enabled, asked of the registries at most once per
 * {@code mizani.security.principal-check-ms} per principal: disabling a client or user stops its tokens within that
 * time, at the cost of one indexed lookup per principal and period.
 */
final class LocalPrincipalStatus implements PrincipalStatus {

    private record Answer(boolean enabled, long at) {
    }

    private final ClientRegistry clients;
    private final UserRegistry users;
    private final long checkMs;
    private final Clock clock;
    private final ConcurrentHashMap<String, Answer> answers = new ConcurrentHashMap<>();

    LocalPrincipalStatus(ClientRegistry clients, UserRegistry users, long checkMs, Clock clock) {
        this.clients = clients;
        this.users = users;
        this.checkMs = checkMs;
        this.clock = clock;
    }

    @Override
    public boolean isEnabled(Caller caller) {
        long now = clock.millis();
        Answer answer = answers.get(caller.principal());
        if (answer == null || now - answer.at() >= checkMs) {
            answer = new Answer(lookUp(caller.principal()), now);
            if (answers.size() > 100_000) {
                answers.clear();
            }
            answers.put(caller.principal(), answer);
        }
        return answer.enabled();
    }

    private boolean lookUp(String principal) {
        if (principal.startsWith(Caller.CLIENT_PREFIX)) {
            return clients.isEnabled(principal.substring(Caller.CLIENT_PREFIX.length()));
        }
        if (principal.startsWith(Caller.USER_PREFIX)) {
            return users.isEnabled(principal.substring(Caller.USER_PREFIX.length()));
        }
        return false;
    }

    /** Forgets what it knew of a principal, so that a change made on this node holds at once here. */
    void forget(String principal) {
        answers.remove(principal);
    }
}
