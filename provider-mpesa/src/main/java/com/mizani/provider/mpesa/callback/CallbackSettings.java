package com.mizani.provider.mpesa.callback;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * How provider callbacks are authenticated.
 *
 * @param secret         the shared secret of the HMAC-SHA256 over the raw body, sent hex in {@code X-Mizani-Signature}
 * @param allowedSources the addresses (CIDR, IPv4 or IPv6) callbacks may come from; all others get 403
 */
@ConfigurationProperties("mizani.provider.callbacks")
public record CallbackSettings(@DefaultValue(CallbackSettings.DEVELOPMENT_SECRET) String secret,
                               @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> allowedSources) {

    /**
     * The secret a development setup signs callbacks with. It is published (application.yml, the README), so it
     * authenticates nothing: production mode refuses to start with it.
     */
    public static final String DEVELOPMENT_SECRET = "change-me-callback-secret";

    public CallbackSettings {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("mizani.provider.callbacks.secret must be at least 16 characters");
        }
        allowedSources = List.copyOf(allowedSources);
    }
}
