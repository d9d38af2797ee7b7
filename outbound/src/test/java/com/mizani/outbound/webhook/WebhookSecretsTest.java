package com.mizani.outbound.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures as the Standard Webhooks specification gives them, and the retry schedule's jitter. */
class WebhookSecretsTest {

    @Test
    void theSignatureIsTheSpecificationsOwnExample() {
        // The example of the Standard Webhooks specification (standardwebhooks.com): any receiver library that
        // verifies it verifies Mizani's messages.
        String signature = WebhookSecrets.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aSecretIsWhsecAndTheBase64OfTwentyFourRandomBytes() {
        String secret = WebhookSecrets.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(24);
        assertThat(WebhookSecrets.generate()).isNotEqualTo(secret);
    }

    @Test
    void eachWaitIsTheSchedulesWithinItsJitter() {
        WebhookSettings settings = new WebhookSettings(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5)), 10,
                Duration.ofDays(5), List.of(), 5000, 15000, 32, 64, 500, 20, Duration.ofHours(24), 100_000,
                Duration.ofDays(7));
        DeliveryOutcomes outcomes = new DeliveryOutcomes(null, null, null, settings, null, null, null);
        for (int i = 0; i < 200; i++) {
            assertThat(outcomes.waitBefore(2)).isBetween(Duration.ofMillis(4500), Duration.ofMillis(5500));
            assertThat(outcomes.waitBefore(3)).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
        }
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }
}
