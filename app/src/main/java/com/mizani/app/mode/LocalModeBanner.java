package com.mizani.app.mode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Says loudly, once the application is ready (so after every other start-up line, where it is seen), that Mizani runs
 * in local mode and which of its parts are embedded or simulated. A deployment that forgot {@code mizani.mode} shows
 * this at WARN in its log.
 */
@Component
@ConditionalOnLocalMode
class LocalModeBanner {

    private static final Logger log = LoggerFactory.getLogger(LocalModeBanner.class);
    private static final String RULE = "=".repeat(100);

    private final ObjectProvider<LocalPart> parts;

    LocalModeBanner(ObjectProvider<LocalPart> parts) {
        this.parts = parts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        // One message, not one per line, so that no other thread's log line lands inside the block.
        log.warn(text(parts.orderedStream().toList()));
    }

    static String text(List<LocalPart> parts) {
        StringBuilder text = new StringBuilder("\n").append(RULE).append('\n')
                .append("Mizani runs in LOCAL mode. NOT FOR PRODUCTION: production settings are not checked, and");
        if (parts.isEmpty()) {
            text.append(" nothing is embedded or simulated.\n");
        } else {
            text.append(" these parts are embedded or simulated:\n");
            for (LocalPart part : parts) {
                text.append("  - ").append(part.description());
                if (!part.details().isEmpty()) {
                    text.append(part.details().entrySet().stream()
                            .map(detail -> detail.getKey() + "=" + detail.getValue())
                            .collect(Collectors.joining(", ", " (", ")")));
                }
                text.append('\n');
            }
        }
        return text.append("A deployment sets mizani.mode=production (MIZANI_MODE) and the settings it then requires.\n")
                .append(RULE).toString();
    }
}
