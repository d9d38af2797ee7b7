package com.mizani.providersim;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The decoded query string of an admin request; a bad value is the caller's fault, so it becomes a 400. */
final class QueryParams {

    private final Map<String, String> values = new HashMap<>();

    QueryParams(URI uri) {
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
    }

    /** The value, or null when the parameter is absent or blank. */
    String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    int intWithin(String name, int defaultValue, int min, int max) {
        String value = get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // Falls through to the refusal below, which names the parameter.
        }
        throw new InvalidRequestException("Invalid " + name + ": expected a whole number within [" + min + ", " + max + "]");
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String value = get(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new InvalidRequestException("Invalid " + name + ": expected one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new InvalidRequestException("Invalid query string: bad percent-encoding");
        }
    }
}
