package com.mizani.query.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * One page of a list, with an opaque cursor to the next. The cursor encodes the last key seen, so pages stay
 * stable while new rows arrive; clients must not build cursors themselves.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static int checkedLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new MizaniException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    public static String encodeCursor(long lastKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + lastKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The last key of the previous page, or -1 for the first page. */
    public static long decodeCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return -1;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("k:")) {
                long key = Long.parseLong(text.substring(2));
                if (key >= 0) {
                    return key;
                }
            }
        } catch (IllegalArgumentException malformed) {
            // Falls through to the refusal below: a cursor we did not issue.
        }
        throw new MizaniException(ErrorCode.INVALID_CURSOR, "cursor is not one this API issued");
    }

    /** A cursor over rows keyed by id rather than by a sequence. */
    public static String encodeIdCursor(UUID lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("i:" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The last id of the previous page, or null for the first page. */
    public static UUID decodeIdCursor(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("i:")) {
                return UUID.fromString(text.substring(2));
            }
        } catch (IllegalArgumentException malformed) {
            // Falls through to the refusal below: a cursor we did not issue.
        }
        throw new MizaniException(ErrorCode.INVALID_CURSOR, "cursor is not one this API issued");
    }
}
