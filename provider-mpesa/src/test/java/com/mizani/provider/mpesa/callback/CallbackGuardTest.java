package com.mizani.provider.mpesa.callback;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.payment.ProviderCallbackRefusedEvent;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallbackGuardTest {

    private static final String SECRET = "a-shared-secret-of-length";
    private static final byte[] BODY = "{\"Result\":{}}".getBytes(StandardCharsets.UTF_8);

    private final List<Object> published = new ArrayList<>();
    private final CallbackGuard guard = new CallbackGuard(new CallbackSettings(SECRET, List.of("127.0.0.1/32")),
            new RecordingEvents());

    private static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    @Test
    void aSignedCallbackFromAnAllowedSourcePasses() throws Exception {
        guard.admit("/b2c/result", "127.0.0.1", BODY, sign(BODY, SECRET));
        guard.admit("/b2c/result", "127.0.0.1", BODY, sign(BODY, SECRET).toUpperCase());
        assertThat(published).isEmpty();
    }

    @Test
    void anotherSourceIsForbiddenAndRecorded() throws Exception {
        assertThatThrownBy(() -> guard.admit("/b2c/result", "10.1.2.3", BODY, sign(BODY, SECRET)))
                .isInstanceOfSatisfying(MizaniException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.CALLBACK_SOURCE_FORBIDDEN));
        assertThat(published).singleElement().isInstanceOfSatisfying(ProviderCallbackRefusedEvent.class, event -> {
            assertThat(event.source()).isEqualTo("10.1.2.3");
            assertThat(event.bodyLength()).isEqualTo(BODY.length);
        });
    }

    @Test
    void aMissingOrWrongSignatureIsUnauthenticatedAndRecorded() throws Exception {
        assertThatThrownBy(() -> guard.admit("/b2c/result", "127.0.0.1", BODY, null))
                .isInstanceOfSatisfying(MizaniException.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.CALLBACK_SIGNATURE_INVALID));
        assertThatThrownBy(() -> guard.admit("/b2c/result", "127.0.0.1", BODY, sign(BODY, "another-secret-entirely")))
                .isInstanceOf(MizaniException.class);
        assertThat(published).hasSize(2);
    }

    private final class RecordingEvents implements EventGateway {
        @Override
        public void publish(List<?> events) {
            published.addAll(events);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super EventMessage<?>> dispatchInterceptor) {
            return () -> true;
        }
    }
}
