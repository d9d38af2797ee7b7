package com.mizani.kernel.error;

/** What kind of refusal an error code is; the REST layer turns each category into one HTTP status. */
public enum ErrorCategory {
    /** Malformed or invalid input (400). */
    INVALID_INPUT,
    /** The caller did not prove who it is (401). */
    UNAUTHENTICATED,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** The named resource does not exist (404). */
    NOT_FOUND,
    /** The request conflicts with an earlier one (409). */
    CONFLICT,
    /** What the request names existed but is gone for good, such as an expired quote (410). */
    GONE,
    /** A business rule refused the request (422). */
    REFUSED,
    /** The caller sent more requests than its rate limit allows (429). */
    THROTTLED,
    /** A dependency is down (503). */
    UNAVAILABLE,
    /** A fault of ours (500); never the answer to bad input. */
    INTERNAL
}
