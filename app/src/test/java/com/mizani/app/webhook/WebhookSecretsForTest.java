package com.mizani.app.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** A secret of the right form that no endpoint has. */
final class WebhookSecretsForTest {

    private WebhookSecretsForTest() {
    }

    static String another() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
