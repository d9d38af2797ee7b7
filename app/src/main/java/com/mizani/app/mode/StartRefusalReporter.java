package com.mizani.app.mode;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Tells Spring Boot that a {@link StartRefusedException} needs no report of its own: without this, Boot logs
 * "Application run failed" with a stack trace before the exception reaches {@code main}, which prints the refusal as
 * its one line. Every other failure is left to Boot's usual reporting.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartRefusalReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return failure instanceof StartRefusedException;
    }
}
