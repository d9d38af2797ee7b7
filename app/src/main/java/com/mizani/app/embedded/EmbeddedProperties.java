package com.mizani.app.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Where the embedded infrastructure keeps its data.
 *
 * @param dataDir      root of everything the app stores locally (PostgreSQL lives in {@code postgres/} below it)
 * @param postgresPort fixed port for the embedded PostgreSQL, or 0 for any free port
 */
@ConfigurationProperties("mizani")
public record EmbeddedProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("0") int postgresPort) {
}
