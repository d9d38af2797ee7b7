package com.mizani.app.mode;

import com.mizani.provider.mpesa.callback.CallbackSettings;
import org.springframework.core.env.PropertyResolver;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether the configuration lets Mizani start: a pure function of the environment, so that it can be tested without
 * starting anything. Production mode needs every setting that local mode would otherwise fill with an embedded or
 * simulated part, and a callback secret that is not published. The answer names everything missing at once, so that
 * an operator fixes a deployment in one round, not one setting per failed start.
 */
public final class ModeCheck {

    /** HMAC-SHA256 keys shorter than its 32-byte output weaken it; anything shorter is a password, not a secret. */
    public static final int MIN_CALLBACK_SECRET_BYTES = 32;

    private static final Setting DATASOURCE = new Setting("spring.datasource.url", "SPRING_DATASOURCE_URL");
    private static final Setting MONGODB = new Setting("spring.mongodb.uri", "SPRING_MONGODB_URI");
    private static final Setting PROVIDER = new Setting("mizani.provider.base-url", "MPESA_BASE_URL");
    private static final Setting CALLBACK_SECRET = new Setting("mizani.provider.callbacks.secret", "MPESA_CALLBACK_SECRET");
    private static final Setting ISSUER = new Setting("mizani.security.issuer-uri", "MIZANI_ISSUER_URI");
    private static final Setting FX_RATES = new Setting("mizani.fx.rates.base-url", "MIZANI_FX_RATES_BASE_URL");
    private static final String AUTHENTICATION = "mizani.security.enabled";

    private ModeCheck() {
    }

    /** The one line that says why Mizani must not start with this configuration, or empty if it may. */
    public static Optional<String> refusal(PropertyResolver environment) {
        Optional<Mode> mode = Mode.of(environment);
        if (mode.isEmpty()) {
            return Optional.of("Mizani refuses to start: %s (%s) is \"%s\"; it must be local or production".formatted(
                    Mode.PROPERTY, Mode.ENVIRONMENT_VARIABLE, printable(environment.getProperty(Mode.PROPERTY))));
        }
        if (mode.get() == Mode.LOCAL) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        for (Setting required : List.of(DATASOURCE, MONGODB, PROVIDER)) {
            if (isBlank(environment.getProperty(required.property()))) {
                missing.add(required.toString());
            }
        }
        callbackSecretFault(environment.getProperty(CALLBACK_SECRET.property()))
                .ifPresent(fault -> missing.add(CALLBACK_SECRET.withReason(fault)));
        if (isBlank(environment.getProperty(ISSUER.property()))) {
            missing.add(ISSUER.toString());
        }
        // Quotes are priced with real rates or not at all: the rate simulator is local mode's alone.
        if (isBlank(environment.getProperty(FX_RATES.property()))) {
            missing.add(FX_RATES.toString());
        }
        // Authentication can be switched off only to measure what it costs, on a machine of one's own.
        boolean authenticationOff = "false".equalsIgnoreCase(String.valueOf(environment.getProperty(AUTHENTICATION)).strip());
        if (missing.isEmpty() && !authenticationOff) {
            return Optional.empty();
        }
        List<String> faults = new ArrayList<>();
        if (!missing.isEmpty()) {
            faults.add("missing " + String.join(", ", missing));
        }
        if (authenticationOff) {
            faults.add(AUTHENTICATION + "=false is refused (authentication is never off in production)");
        }
        return Optional.of("Mizani refuses to start in production mode: " + String.join("; ", faults));
    }

    /** Why the secret counts as missing, or empty if it is a usable secret. */
    private static Optional<String> callbackSecretFault(String secret) {
        if (isBlank(secret)) {
            return Optional.of("");
        }
        if (secret.equals(CallbackSettings.DEVELOPMENT_SECRET)) {
            return Optional.of("the development default is published");
        }
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_CALLBACK_SECRET_BYTES) {
            return Optional.of("shorter than " + MIN_CALLBACK_SECRET_BYTES + " bytes");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The refusal is one line whatever the operator typed: control characters (a newline) are shown escaped. */
    private static String printable(String value) {
        return value.codePoints()
                .mapToObj(c -> Character.isISOControl(c) ? "\\u%04x".formatted(c) : Character.toString(c))
                .collect(Collectors.joining());
    }

    /** A setting by its property and the environment variable a deployment usually sets it with. */
    private record Setting(String property, String environmentVariable) {

        String withReason(String reason) {
            return reason.isEmpty() ? toString() : "%s (%s: %s)".formatted(property, environmentVariable, reason);
        }

        @Override
        public String toString() {
            return "%s (%s)".formatted(property, environmentVariable);
        }
    }
}
