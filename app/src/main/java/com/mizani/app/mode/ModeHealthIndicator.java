package com.mizani.app.mode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code mode} component of {@code /actuator/health}: the mode, and every embedded or simulated part
 * ({@link LocalPart}) by name. A production deployment shows {@code production} and no parts; any part it did show
 * would be a bug. Always UP: the parts' own health is their components' concern ({@code db}, {@code mongo}).
 */
@Component("modeHealthIndicator")
class ModeHealthIndicator implements HealthIndicator {

    private final Mode mode;
    private final ObjectProvider<LocalPart> parts;

    ModeHealthIndicator(Environment environment, ObjectProvider<LocalPart> parts) {
        // ModeCheck has let the application start, so the mode is one of the two.
        this.mode = Mode.of(environment).orElseThrow();
        this.parts = parts;
    }

    @Override
    public Health health() {
        Map<String, Object> embedded = new LinkedHashMap<>();
        parts.orderedStream().forEach(part -> {
            Map<String, String> description = new LinkedHashMap<>();
            description.put("description", part.description());
            description.putAll(part.details());
            embedded.put(part.name(), description);
        });
        return Health.up().withDetail("mode", mode.label()).withDetail("embedded", embedded).build();
    }
}
