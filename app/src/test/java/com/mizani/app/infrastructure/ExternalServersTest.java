package com.mizani.app.infrastructure;

import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Api;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pointing the datasource and Mongo URI at servers of one's own switches the embedded ones off. The "external"
 * servers here are started by the test itself, standing in for a real deployment's.
 */
class ExternalServersTest {

    @Test
    void configuredServersAreUsedAndNothingEmbeddedIsStarted() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongo.bind("127.0.0.1", 0);
            InetSocketAddress mongoAddress = mongo.getLocalAddress();
            try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                    "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                    "spring.datasource.username=postgres",
                    "spring.mongodb.uri=mongodb://127.0.0.1:" + mongoAddress.getPort() + "/mizani")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(app.getBeanNamesForType(MongoServer.class)).isEmpty();

                Api api = new Api(IntegrationTest.portOf(app));
                String wallet = api.openWallet("NGN");
                assertThat(api.deposit(wallet, "5.00", "NGN").status()).isEqualTo(201);
                try (var connection = postgres.getPostgresDatabase().getConnection();
                     var statement = connection.prepareStatement("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
                    statement.setString(1, wallet);
                    var rows = statement.executeQuery();
                    rows.next();
                    assertThat(rows.getInt(1)).as("events of the wallet in the configured database").isEqualTo(2);
                }
            } finally {
                mongo.shutdownNow();
            }
        }
    }
}
