package com.mizani.app.support;

import com.mizani.MizaniApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole application on its embedded defaults (real PostgreSQL binaries, Mongo-wire server), driven over
 * HTTP. Every subclass shares one context, and so one database: tests create their own wallets and never
 * assume the ledger is empty.
 */
@SpringBootTest(classes = MizaniApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                // Snapshot often so that tests exercise loading wallets from snapshots.
                "mizani.axon.wallet-snapshot-threshold=3",
                "axon.update-check.disabled=true",
                // The embedded M-Pesa simulator on any free port, and payment deadlines in seconds, not minutes.
                "mizani.provider.simulator-port=0",
                "mizani.provider.request-timeout-ms=1500",
                "mizani.payments.withdrawal-fee-minor=1500",
                "mizani.payments.settle-window-ms=0",
                "mizani.payments.deadlines.result-wait-ms=2000",
                "mizani.payments.deadlines.first-status-query-ms=1000",
                "mizani.payments.deadlines.max-status-query-interval-ms=2000",
                "mizani.payments.deadlines.max-status-queries=4",
                "mizani.axon.deadline-polling-ms=200",
                // Live status streams notice a client that hung up at their next write: make that within a second.
                "mizani.live.heartbeat-ms=500",
                "mizani.reconciliation.interval-ms=3600000",
                // Webhook retries in seconds, not days (WebhookRetryTest): six attempts over 6.2 s, and an endpoint
                // failing for 4 s is disabled.
                "mizani.webhooks.retry-schedule=200ms,400ms,800ms,1600ms,3200ms",
                "mizani.webhooks.jitter-percent=0",
                "mizani.webhooks.connect-timeout-ms=1000",
                "mizani.webhooks.read-timeout-ms=1000",
                "mizani.webhooks.poll-ms=100",
                "mizani.webhooks.disable-after=4s",
                "mizani.security.bootstrap-admin-secret=" + Tokens.ADMIN_SECRET,
                // Tests drive people's roles far faster than a person would (AuthorizationMatrixTest calls every
                // operation as each role at once); RateLimitTest checks the real defaults.
                "mizani.rate-limits.roles.customer.per-second=10000",
                "mizani.rate-limits.roles.customer.burst=20000",
                "mizani.rate-limits.roles.approver.per-second=10000",
                "mizani.rate-limits.roles.approver.burst=20000",
                "mizani.rate-limits.roles.admin.per-second=10000",
                "mizani.rate-limits.roles.admin.burst=20000"
        })
public abstract class IntegrationTest {

    private static final Path DATA_DIR = temporaryDataDir();

    @LocalServerPort
    protected int port;

    protected Api api;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("mizani.data-dir", DATA_DIR::toString);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /**
     * Starts a separate instance of the application. Settings go in as command-line arguments, which outrank
     * application.yml (builder "properties" would not: they are only defaults); a setting given here replaces the
     * instance defaults below (an argument given twice would be read as a list).
     */
    public static ConfigurableApplicationContext startApplication(String... settings) {
        Map<String, String> args = new LinkedHashMap<>();
        args.put("server.port", "0");
        args.put("axon.update-check.disabled", "true");
        // Any free port for an embedded simulator, so that instances never compete for the default one.
        args.put("mizani.provider.simulator-port", "0");
        args.put("mizani.security.bootstrap-admin-secret", Tokens.ADMIN_SECRET);
        for (String setting : settings) {
            String[] pair = setting.split("=", 2);
            args.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MizaniApplication.class).run(args.entrySet()
                .stream().map(arg -> "--" + arg.getKey() + "=" + arg.getValue()).toArray(String[]::new));
        // An instance that had this port before (another test's, with other keys and clients) left its tokens behind.
        Tokens.forget(portOf(app));
        return app;
    }

    public static int portOf(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /** A fresh data directory under target/, so that {@code mvn clean} removes what the tests stored. */
    public static Path temporaryDataDir() {
        try {
            Path root = Files.createDirectories(Path.of("target", "test-data"));
            return Files.createTempDirectory(root, "mizani-").toAbsolutePath();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
