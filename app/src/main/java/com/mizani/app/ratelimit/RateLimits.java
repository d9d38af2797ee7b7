package com.mizani.app.ratelimit;

import jakarta.servlet.Filter;

/** The rate limits as the security filter chains use them; {@link #NONE} when limits are switched off. */
public interface RateLimits {

    /** A filter that counts each request; the chains place it after authentication. */
    Filter filter();

    RateLimits NONE = () -> (request, response, chain) -> chain.doFilter(request, response);
}
