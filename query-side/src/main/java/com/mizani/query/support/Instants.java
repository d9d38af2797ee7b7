package com.mizani.query.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the instants of query parameters, refusing anything but ISO-8601 with a clear message. */
public final class Instants {

    /**
     * The instants a query may name: years 1 to 9999, those ISO-8601 writes without an expanded year. Far beyond
     * them, an instant no longer fits PostgreSQL's timestamps or Java's date-times, and the query would fail as a
     * database error instead of being refused as bad input.
     */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private Instants() {
    }

    public static Instant parse(String parameter, String text) {
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    parameter + " must be an ISO-8601 instant, like 2026-11-21T10:15:30Z");
        }
        if (!isQueryable(at)) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, parameter + " must lie in the years 1 to 9999");
        }
        return at;
    }

    public static boolean isQueryable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }
}
