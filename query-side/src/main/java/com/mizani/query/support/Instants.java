package com.mizani.query.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads the instants of query parameters, refusing anything but ISO-8601 with a clear message. */
public final class Instants {

    private Instants() {
    }

    public static Instant parse(String parameter, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED,
                    parameter + " must be an ISO-8601 instant, like 2026-11-21T10:15:30Z");
        }
    }
}
