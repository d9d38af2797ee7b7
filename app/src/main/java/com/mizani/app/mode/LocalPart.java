package com.mizani.app.mode;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A part that local mode runs in place of a real server, provider or secret. Declare one as a bean next to what it
 * describes, under the same conditions ({@link ConditionalOnLocalMode} first): the local-mode banner and the
 * {@code mode} component of {@code /actuator/health} list every such bean.
 *
 * <pre>{@code
 * @Bean
 * LocalPart embeddedPostgresPart(EmbeddedPostgres postgres) {
 *     return new LocalPart("postgres", "embedded PostgreSQL", Map.of("port", String.valueOf(postgres.getPort())));
 * }
 * }</pre>
 *
 * @param name        short key, unique among the parts; the part's key in the health details
 * @param description what runs, in a few words
 * @param details     where it lives (ports, addresses, directories), shown in key order; never a real secret
 */
public record LocalPart(String name, String description, Map<String, String> details) {

    public LocalPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        details = Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }
}
