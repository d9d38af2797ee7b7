package com.mizani.query.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Real PostgreSQL for query-side tests, without the application: one embedded server (the binaries the application
 * embeds) per test JVM, migrated once with the application's own Flyway migrations, and emptied before every test.
 * <p>
 * Use it as an extension; it hands a {@link DataSource}, {@link JdbcClient} or {@link JdbcTemplate} to the test's
 * constructor or methods:
 * <pre>{@code
 * @ExtendWith(ProjectionDatabase.class)
 * class WalletViewTest {
 *     WalletViewTest(JdbcClient jdbc) { ... }
 * }
 * }</pre>
 * Every table but Flyway's history is truncated before each test (identities restarted), the event store included,
 * so a test sees only what it wrote. Tests that use it must therefore not run concurrently with each other.
 */
public final class ProjectionDatabase implements BeforeEachCallback, ParameterResolver {

    /**
     * The migrations the application runs (spring.flyway.locations in app's application.yml), less those of app
     * itself, which no query-side table needs. Axon's are included: V7 clears the ledger processor's token, and
     * {@code EventPositions} reads the event store.
     */
    static final String[] MIGRATIONS = {"classpath:db/migration/axon", "classpath:db/migration/query"};

    public static DataSource dataSource() {
        return Server.INSTANCE.pool;
    }

    public static JdbcClient jdbcClient() {
        return JdbcClient.create(dataSource());
    }

    public static JdbcTemplate jdbcTemplate() {
        return new JdbcTemplate(dataSource());
    }

    /** Empties every table; the event store too, whose trigger refuses that to anyone but a replica session. */
    public static void truncateAll() {
        JdbcTemplate jdbc = jdbcTemplate();
        List<String> tables = jdbc.queryForList("""
                SELECT quote_ident(tablename) FROM pg_tables
                WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'""", String.class);
        jdbc.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = replica");
                try {
                    statement.execute("TRUNCATE " + tables.stream().collect(Collectors.joining(", ")) + " RESTART IDENTITY");
                } finally {
                    statement.execute("RESET session_replication_role");
                }
            }
            return null;
        });
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        truncateAll();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DataSource.class || type == JdbcClient.class || type == JdbcTemplate.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == JdbcClient.class) {
            return jdbcClient();
        }
        if (type == JdbcTemplate.class) {
            return jdbcTemplate();
        }
        return dataSource();
    }

    /** Started on first use, stopped when the JVM exits. */
    private static final class Server {

        static final Server INSTANCE = new Server();

        final EmbeddedPostgres postgres;
        final HikariDataSource pool;

        private Server() {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("timezone", "UTC").start();
            } catch (IOException failure) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", failure);
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "projection-database-stop"));
        }

        private void stop() {
            pool.close();
            try {
                postgres.close();
            } catch (IOException ignored) {
                // The JVM is exiting; the server's temporary directory goes with the library's own cleanup.
            }
        }
    }
}
