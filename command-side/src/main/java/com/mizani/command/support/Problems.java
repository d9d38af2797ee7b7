package com.mizani.command.support;

import org.springframework.http.ProblemDetail;

/**
 * The problem (RFC 9457, with its stable code) a failure is answered with. The web layer implements it, so that a
 * failure met inside an answer, by one item of a batch, reads exactly as it would have as an answer of its own.
 */
public interface Problems {

    ProblemDetail problemOf(Exception failure);
}
