package com.mizani.app.console;

import com.mizani.kernel.error.ErrorCode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A period from the pages' date-and-time fields, which carry no zone: the console reads them as UTC and says so. An
 * instant with its zone (as the API writes them) is taken as it is. A value that is neither is refused as bad input.
 *
 * @param from the field as typed, or null
 * @param to   the field as typed, or null
 */
public record PeriodField(String from, String to) {

    public static PeriodField of(String from, String to) {
        PeriodField period = new PeriodField(blankToNull(from), blankToNull(to));
        period.fromInstant();
        period.toInstant();
        return period;
    }

    public boolean isSet() {
        return from != null && to != null;
    }

    public Instant fromInstant() {
        return parse("from", from);
    }

    public Instant toInstant() {
        return parse("to", to);
    }

    private static Instant parse(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")
                    ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException malformed) {
            throw new ApiRefusal(400, ErrorCode.VALIDATION_FAILED.name(),
                    name + " must be a date and time such as 2026-12-01T09:30");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
