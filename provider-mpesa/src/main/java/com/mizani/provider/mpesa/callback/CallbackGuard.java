package com.mizani.provider.mpesa.callback;

import com.mizani.kernel.net.AddressRanges;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.ProviderCallbackRefusedEvent;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Lets a callback through only from an allowed address and with a valid HMAC of its raw body. A refusal is
 * recorded as an event and logged before the caller gets 403 or 401; the body is never parsed before this.
 */
@Component
public class CallbackGuard {

    public static final String SIGNATURE_HEADER = "X-Mizani-Signature";
    private static final Logger log = LoggerFactory.getLogger(CallbackGuard.class);

    private final SecretKeySpec key;
    private final AddressRanges allowlist;
    private final EventGateway events;

    public CallbackGuard(CallbackSettings settings, EventGateway events) {
        this.key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.allowlist = new AddressRanges(settings.allowedSources());
        this.events = events;
    }

    public void admit(String endpoint, String source, byte[] body, String signature) {
        if (!allowlist.contains(source)) {
            refuse(endpoint, source, body, "source address not allowed", ErrorCode.CALLBACK_SOURCE_FORBIDDEN,
                    "callbacks are accepted from the provider's addresses only");
        }
        if (signature == null || !MessageDigest.isEqual(hmac(body), signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            refuse(endpoint, source, body, signature == null ? "signature missing" : "signature invalid",
                    ErrorCode.CALLBACK_SIGNATURE_INVALID, SIGNATURE_HEADER + " is missing or does not match the body");
        }
    }

    private void refuse(String endpoint, String source, byte[] body, String reason, ErrorCode code, String detail) {
        log.warn("refused provider callback to {} from {}: {}", endpoint, source, reason);
        events.publish(new ProviderCallbackRefusedEvent(endpoint, source, reason, sha256(body), body.length));
        throw new MizaniException(code, detail);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has HmacSHA256", impossible);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
