package com.mizani.app.ratelimit;

import com.mizani.app.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * Token buckets per principal (by its most generous role), per callback source address and per address asking the
 * token endpoint or the sign-in page. {@code perSecond} refills the bucket, {@code burst} is its size.
 *
 * @param enabled  whether requests are limited at all
 * @param roles    per-role limits, by role name ({@code mizani.rate-limits.roles.service.per-second=...}); roles left
 *                 out get the defaults of {@link #limitFor}
 * @param callbacks each provider source address (default 500/s, bursts of 1,000)
 * @param signIn   each address asking {@code /oauth2/token} or posting {@code /login}, to slow secret guessing
 *                 (default 10/s, bursts of 30)
 * @param syncMs   how long a node may count locally before it settles with the shared bucket in PostgreSQL; the
 *                 overshoot across nodes is at most a tenth of a bucket per node per period
 */
@ConfigurationProperties("mizani.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  Map<String, Limit> roles,
                                  Limit callbacks,
                                  Limit signIn,
                                  @DefaultValue("200") long syncMs) {

    public record Limit(long perSecond, long burst) {
        public Limit {
            if (perSecond < 1 || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs per-second and burst of at least 1");
            }
        }
    }

    private static final Map<Role, Limit> DEFAULTS = Map.of(
            Role.CUSTOMER, new Limit(20, 40),
            Role.SERVICE, new Limit(5_000, 10_000),
            Role.TELLER, new Limit(50, 100),
            Role.OPERATOR, new Limit(50, 100),
            Role.APPROVER, new Limit(20, 40),
            Role.AUDITOR, new Limit(50, 100),
            Role.ADMIN, new Limit(20, 40));

    public Limit callbackLimit() {
        return callbacks != null ? callbacks : new Limit(500, 1_000);
    }

    public Limit signInLimit() {
        return signIn != null ? signIn : new Limit(10, 30);
    }

    public Limit limitFor(Role role) {
        Limit configured = roles == null ? null : roles.get(role.claimValue());
        return configured != null ? configured : DEFAULTS.get(role);
    }
}
