package com.mizani.providersim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature on every simulator callback: lowercase hex HMAC-SHA256 of the raw body bytes, keyed with the
 * shared secret, in the {@value #HEADER} header. Public so the app's callback endpoint and its tests verify with
 * exactly the algorithm the simulator signs with. Sign and verify the bytes as received: re-serialised JSON
 * would not match.
 */
public final class CallbackSignature {

    public static final String HEADER = "X-Mizani-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private CallbackSignature() {
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every JDK ships HmacSHA256, so this is a broken runtime, not a bad input.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True only if {@code signatureHex} is the signature of {@code body}; compares in constant time. */
    public static boolean verify(String secret, byte[] body, String signatureHex) {
        if (secret == null || body == null || signatureHex == null) {
            return false;
        }
        byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
        byte[] presented = signatureHex.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented);
    }
}
