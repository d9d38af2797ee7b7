package com.mizani.kernel.idempotency;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns a client's idempotency key into the id of the aggregate it creates. Because the id is derived,
 * the event store's uniqueness on (aggregate id, sequence) is the lock: a repeated request can only find
 * the aggregate the first one created.
 */
public final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private IdempotencyKeys() {
    }

    /** Checks a key is 1 to 128 visible ASCII characters. */
    public static String requireValid(String key) {
        return requireValid(key, "the Idempotency-Key header");
    }

    /**
     * Checks a key is 1 to 128 visible ASCII characters, naming where it came from in the refusal (a batch's items
     * carry their keys in a body field, not in the header).
     */
    public static String requireValid(String key, String name) {
        if (key == null || key.isEmpty()) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_MISSING, name + " is required");
        }
        if (!KEY.matcher(key).matches()) {
            throw new MizaniException(ErrorCode.IDEMPOTENCY_KEY_INVALID,
                    name + " must be 1 to 128 visible ASCII characters");
        }
        return key;
    }

    /** A name-based UUID from what the id is for, who asked, and their key. */
    public static UUID deriveId(String scope, String clientId, String key) {
        return UUID.nameUUIDFromBytes((scope + "\n" + clientId + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** A SHA-256 fingerprint of a request's meaningful fields, joined without ambiguity. */
    public static String fingerprint(Object... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object field : fields) {
                byte[] bytes = String.valueOf(field).getBytes(StandardCharsets.UTF_8);
                digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) ':');
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
