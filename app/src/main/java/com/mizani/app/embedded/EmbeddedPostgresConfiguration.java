package com.mizani.app.embedded;

import com.mizani.app.mode.ConditionalOnLocalMode;
import com.mizani.app.mode.LocalPart;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * With no {@code spring.datasource.url}, Mizani runs its own PostgreSQL: real server binaries shipped in a
 * Maven artifact, with the data kept under {@code mizani.data-dir} so a restart keeps every wallet. Never in production
 * mode, even with no datasource configured (production refuses to start without one).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalMode
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) throws IOException {
        Path directory = dataDirectory(properties);
        Files.createDirectories(directory);
        LeftoverPostmaster.stopIfRunning(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // The embedded server's library turns durability off (-F, synchronous_commit=off) to speed up
                // tests; a ledger must not lose a committed transfer in a power cut, so both are turned back on.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "200")
                .setServerConfig("timezone", "UTC");
        if (properties.postgresPort() > 0) {
            builder.setPort(properties.postgresPort());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL started: {} (data in {})", postgres.getJdbcUrl("postgres", "postgres"), directory);
        return postgres;
    }

    @Bean
    public LocalPart embeddedPostgresPart(EmbeddedPostgres postgres, EmbeddedProperties properties) {
        return new LocalPart("postgres", "embedded PostgreSQL",
                Map.of("port", String.valueOf(postgres.getPort()), "dataDirectory", dataDirectory(properties).toString()));
    }

    @Bean
    public JdbcConnectionDetails embeddedPostgresConnection(EmbeddedPostgres postgres) {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    private static Path dataDirectory(EmbeddedProperties properties) {
        return properties.dataDir().resolve("postgres").toAbsolutePath();
    }
}
