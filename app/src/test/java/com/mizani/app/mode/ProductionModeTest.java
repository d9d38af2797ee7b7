package com.mizani.app.mode;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.embedded.EmbeddedProperties;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.app.support.Api;
import com.mizani.app.identity.EmbeddedIssuerConfiguration;
import com.mizani.app.identity.SigningKeys;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import com.mizani.command.fx.RateSource;
import com.mizani.command.fx.rates.SimulatorFaultKnob;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.providersim.SimulatorConfig;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode with every setting it needs starts on the servers it was given and creates nothing embedded. The
 * "real" PostgreSQL, MongoDB and provider are started by the test, standing in for a deployment's.
 */
class ProductionModeTest {

    private static final String CALLBACK_SECRET = "a-production-callback-secret-32b";

    /** Where the embedded parts come from; no bean of these may exist in production mode. */
    private static final List<String> EMBEDDED_PACKAGES =
            List.of("io.zonky.", "de.bwaldvogel.", "com.mizani.providersim.", "com.mizani.app.embedded.");

    @TempDir
    Path dataDir;

    @Test
    void productionWithEverySettingStartsOnTheConfiguredServersWithNothingEmbedded() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        int issuerPort = freePort();
        // The outside OIDC provider: another Mizani, in local mode, whose embedded issuer is reachable by its URL.
        try (ConfigurableApplicationContext issuer = IntegrationTest.startApplication("server.port=" + issuerPort,
                "mizani.security.local-issuer=http://localhost:" + issuerPort,
                "mizani.data-dir=" + dataDir.resolve("issuer"));
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
             ProviderSimulator provider = new ProviderSimulator();
             ConfigurableApplicationContext app = startProduction(postgres, mongo, provider, issuerPort)) {

            assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
            assertThat(app.getBeanNamesForType(MongoServer.class)).isEmpty();
            assertThat(app.getBeanNamesForType(MemoryBackend.class)).isEmpty();
            assertThat(app.getBeanNamesForType(EmbeddedSimulator.class)).isEmpty();
            assertThat(app.getBeanNamesForType(ProviderSimulator.class)).isEmpty();
            assertThat(app.getBeanNamesForType(LocalPart.class)).isEmpty();
            assertThat(embeddedBeans(app)).isEmpty();
            assertThat(app.getBeanNamesForType(EmbeddedIssuerConfiguration.class)).as("the embedded issuer").isEmpty();
            assertThat(app.getBeanNamesForType(SigningKeys.class)).isEmpty();
            assertThat(app.getBeanNamesForType(SimulatorFaultKnob.class)).as("the FX rate simulator").isEmpty();
            assertThat(app.getBeanNamesForType(RateSource.class)).as("the provider's, behind the freshness check")
                    .containsExactly("rateSource");
            assertThat(dataDir.resolve("data")).as("the embedded PostgreSQL's data directory").doesNotExist();

            // Tokens come from the outside issuer; the production node issues none itself.
            Api api = new Api(IntegrationTest.portOf(app), Tokens.client(issuerPort, "production-test",
                    Api.DEFAULT_ROLES, null));
            assertThat(api.anonymous().post("/oauth2/token", "grant_type=client_credentials").status()).isIn(401, 404);
            // (Overall health is DOWN here: Boot's MongoDB check asks "hello", which the test's stand-in does not know.)
            JsonNode publicHealth = api.anonymous().get("/actuator/health").json();
            assertThat(publicHealth.path("components").path("mode").path("status").asText()).isEqualTo("UP");
            assertThat(publicHealth.path("components").path("mode").has("details"))
                    .as("production health shows its details to staff only").isFalse();
            JsonNode mode = api.get("/actuator/health").json().path("components").path("mode");
            assertThat(mode.path("status").asText()).isEqualTo("UP");
            assertThat(mode.path("details").path("mode").asText()).isEqualTo("production");
            assertThat(mode.path("details").path("embedded").isObject()).as(mode.toString()).isTrue();
            assertThat(mode.path("details").path("embedded").isEmpty()).as(mode.toString()).isTrue();

            String wallet = api.openWallet("KES");
            assertThat(api.deposit(wallet, "5.00", "KES").status()).isEqualTo(201);
            assertThat(eventsOf(postgres, wallet)).as("events of the wallet in the configured database").isEqualTo(2);
        } finally {
            mongo.shutdownNow();
        }
    }

    private ConfigurableApplicationContext startProduction(EmbeddedPostgres postgres, MongoServer mongo,
                                                           ProviderSimulator provider, int issuerPort) throws Exception {
        provider.start(SimulatorConfig.of("mizani", "mizani-secret", CALLBACK_SECRET, 1));
        return IntegrationTest.startApplication(
                "mizani.mode=production",
                "mizani.data-dir=" + dataDir.resolve("data"),
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort() + "/mizani",
                "mizani.provider.base-url=" + provider.baseUri(),
                "mizani.provider.callbacks.secret=" + CALLBACK_SECRET,
                "mizani.security.issuer-uri=http://localhost:" + issuerPort,
                // Nothing asks for a rate here, so nothing needs to listen there.
                "mizani.fx.rates.base-url=http://127.0.0.1:1");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Beans of a type from an embedded part's package, found by what they are rather than by the condition that
     * should keep them out. {@link EmbeddedProperties} only binds settings: nothing starts from it.
     */
    private static List<String> embeddedBeans(ConfigurableApplicationContext app) {
        return Arrays.stream(app.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = app.getBeanFactory().getType(name);
                    return type != null && type != EmbeddedProperties.class
                            && EMBEDDED_PACKAGES.stream().anyMatch(type.getName()::startsWith);
                })
                .toList();
    }

    private static int eventsOf(EmbeddedPostgres postgres, String aggregate) throws Exception {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            statement.setString(1, aggregate);
            var rows = statement.executeQuery();
            rows.next();
            return rows.getInt(1);
        }
    }
}
