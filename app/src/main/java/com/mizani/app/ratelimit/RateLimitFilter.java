package com.mizani.app.ratelimit;

import com.mizani.app.ratelimit.RateLimitProperties.Limit;
import com.mizani.app.ratelimit.RateLimiter.Verdict;
import com.mizani.app.security.PrincipalAuthentication;
import com.mizani.app.security.Role;
import com.mizani.app.web.ProblemResponses;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.identity.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts each request against its bucket: an authenticated principal's (sized by its most generous role), a callback
 * source address's, or the address of someone asking for a token or signing in. Every counted answer says where the
 * client stands ({@code RateLimit-Policy} and {@code RateLimit}, as the IETF httpapi draft has them); one over the
 * limit is 429 {@code RATE_LIMITED} with {@code Retry-After}. Runs after authentication, inside the security chain.
 * A batch of transfers takes one token here and one for each further item once its body is read ({@link
 * BatchItemsCounted}).
 * When the buckets cannot be reached the request goes on: a limiter that fails must not stop the ledger.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final long WARN_EVERY_MS = 60_000;

    private final RateLimiter limiter;
    private final RateLimitProperties settings;
    private final AtomicLong lastWarning = new AtomicLong();

    RateLimitFilter(RateLimiter limiter, RateLimitProperties settings) {
        this.limiter = limiter;
        this.settings = settings;
    }

    /** The bucket a request is counted in: its policy's name (as the headers show it), its key and its limit. */
    record Counted(String policy, String key, Limit limit) {

        /** An authenticated principal's bucket, sized by its most generous role. */
        static Counted principal(Caller caller, RateLimitProperties settings) {
            Limit limit = Role.parse(caller.roles()).stream()
                    .map(settings::limitFor)
                    .max(Comparator.comparingLong(Limit::perSecond))
                    .orElse(settings.limitFor(Role.CUSTOMER));
            return new Counted("principal", "principal:" + caller.principal(), limit);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Counted counted = countedAs(request, SecurityContextHolder.getContext().getAuthentication());
        if (counted == null) {
            chain.doFilter(request, response);
            return;
        }
        Verdict verdict;
        try {
            verdict = limiter.consume(counted.key(), counted.limit(), 1);
        } catch (RuntimeException unreachable) {
            warn(unreachable);
            chain.doFilter(request, response);
            return;
        }
        Optional<String> refusal = answer(response, counted, verdict);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.write(response, ErrorCode.RATE_LIMITED, refusal.get());
    }

    /**
     * Says where the client stands, in the headers of the answer: the policy, and what is left. Over the limit it
     * also says when to come back, and the refusal's detail is returned.
     */
    static Optional<String> answer(HttpServletResponse response, Counted counted, Verdict verdict) {
        Limit limit = counted.limit();
        long windowSeconds = Math.max(1, (limit.burst() + limit.perSecond() - 1) / limit.perSecond());
        long secondsToFull = Math.max(0, (limit.burst() - verdict.remaining() + limit.perSecond() - 1) / limit.perSecond());
        response.setHeader("RateLimit-Policy", "\"%s\";q=%d;w=%d".formatted(counted.policy(), limit.burst(), windowSeconds));
        if (verdict.allowed()) {
            response.setHeader("RateLimit", "\"%s\";r=%d;t=%d".formatted(counted.policy(), verdict.remaining(), secondsToFull));
            return Optional.empty();
        }
        long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(verdict.nanosToNextToken() + 999_999_999L));
        response.setHeader("RateLimit", "\"%s\";r=0;t=%d".formatted(counted.policy(), retryAfter));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        return Optional.of("more than %d requests a second (bursts of %d) for this %s; retry after %d s"
                .formatted(limit.perSecond(), limit.burst(), counted.policy(), retryAfter));
    }

    private Counted countedAs(HttpServletRequest request, Authentication authentication) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/v1/providers/")) {
            return new Counted("callbacks", "callback:" + request.getRemoteAddr(), settings.callbackLimit());
        }
        if (path.equals("/oauth2/token") || path.equals("/login") && "POST".equals(request.getMethod())) {
            return new Counted("sign-in", "sign-in:" + request.getRemoteAddr(), settings.signInLimit());
        }
        if (authentication instanceof PrincipalAuthentication authenticated) {
            return Counted.principal(authenticated.caller(), settings);
        }
        return null;
    }

    private void warn(RuntimeException failure) {
        long now = System.currentTimeMillis();
        long last = lastWarning.get();
        if (now - last > WARN_EVERY_MS && lastWarning.compareAndSet(last, now)) {
            log.warn("rate limits cannot be checked, requests go on unlimited: {}", failure.toString());
        }
    }
}
