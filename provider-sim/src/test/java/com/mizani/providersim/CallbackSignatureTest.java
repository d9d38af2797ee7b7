package com.mizani.providersim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

    private static final byte[] FOX = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsWithHmacSha256InLowercaseHex() {
        // The well-known HMAC-SHA256 test vector for key "key".
        assertThat(CallbackSignature.sign("key", FOX))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void verifiesOnlyTheSameBodyWithTheSameSecret() {
        String signature = CallbackSignature.sign("key", FOX);

        assertThat(CallbackSignature.verify("key", FOX, signature)).isTrue();
        assertThat(CallbackSignature.verify("key", FOX, signature.toUpperCase())).isTrue();
        assertThat(CallbackSignature.verify("other", FOX, signature)).isFalse();
        assertThat(CallbackSignature.verify("key", "tampered".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(CallbackSignature.verify("key", FOX, null)).isFalse();
        assertThat(CallbackSignature.verify("key", FOX, "")).isFalse();
    }
}
