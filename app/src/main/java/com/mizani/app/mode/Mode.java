package com.mizani.app.mode;

import org.springframework.core.env.PropertyResolver;

import java.util.Locale;
import java.util.Optional;

/**
 * How Mizani runs, from {@code mizani.mode} ({@code MIZANI_MODE}). Local mode, the default, fills every gap in the
 * configuration with an embedded or simulated part so that one command runs the whole ledger on a fresh machine.
 * Production mode fills none: it refuses to start without the settings a real deployment needs ({@link ModeCheck}),
 * and nothing marked {@link ConditionalOnLocalMode} can be created in it.
 */
public enum Mode {
    LOCAL,
    PRODUCTION;

    public static final String PROPERTY = "mizani.mode";
    public static final String ENVIRONMENT_VARIABLE = "MIZANI_MODE";

    /**
     * The configured mode, or empty for a value that names none. Matched ignoring case and nothing else, exactly
     * as {@link ConditionalOnLocalMode} matches {@code local}: a value the two read differently could start a
     * context that is neither checked as production nor given its embedded parts.
     */
    public static Optional<Mode> of(PropertyResolver environment) {
        String value = environment.getProperty(PROPERTY, "local");
        for (Mode mode : values()) {
            if (mode.label().equalsIgnoreCase(value)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** The name configurations and reports use: {@code local}, {@code production}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
