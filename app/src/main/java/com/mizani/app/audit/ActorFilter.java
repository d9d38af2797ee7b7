package com.mizani.app.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Makes the actor of the current HTTP request known to the messages it dispatches. It runs in the security filter
 * chain, after the request is authenticated. The holder is inheritable because a transfer's command runs on a
 * virtual thread the controller starts for the request (so that it can answer 202 while the command finishes); that
 * thread is created inside the request and inherits its actor.
 */
public class ActorFilter extends OncePerRequestFilter {

    private static final InheritableThreadLocal<RequestActor> CURRENT = new InheritableThreadLocal<>();

    /** The actor of the request this thread serves, if it serves one. */
    static Optional<RequestActor> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CURRENT.set(RequestActor.of(request, SecurityContextHolder.getContext().getAuthentication()));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
