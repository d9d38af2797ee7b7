package com.mizani.query.ops;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.query.support.Instants;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after the last item of an activity page: its request time (to the microsecond, as stored) and id,
 * the list's sort key. Opaque to clients, like every cursor of the API.
 */
record ActivityCursor(Instant requestedAt, UUID id) {

    private static final String PREFIX = "a:";

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, requestedAt);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page. */
    static ActivityCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(":", -1);
            if (text.startsWith(PREFIX) && parts.length == 3) {
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                if (Instants.isQueryable(at)) {
                    return new ActivityCursor(at, UUID.fromString(parts[2]));
                }
            }
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException malformed) {
            // Falls through to the refusal below: a cursor we did not issue.
        }
        throw new MizaniException(ErrorCode.INVALID_CURSOR, "cursor is not one this API issued");
    }
}
