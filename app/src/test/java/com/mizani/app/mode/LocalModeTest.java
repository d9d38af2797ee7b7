package com.mizani.app.mode;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import de.bwaldvogel.mongo.MongoServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Local mode, the default, says what it embeds and simulates: in a WARN banner once started, and in the {@code mode}
 * component of the health endpoint. Its own instance, so that its start-up is in this test's captured output.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalModeTest {

    @Test
    void theBannerAndHealthNameEveryEmbeddedAndSimulatedPart(CapturedOutput output) {
        Path dataDir = IntegrationTest.temporaryDataDir();
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication("mizani.data-dir=" + dataDir)) {
            int postgresPort = app.getBean(EmbeddedPostgres.class).getPort();
            String postgresData = dataDir.resolve("postgres").toString();
            InetSocketAddress mongo = app.getBean(MongoServer.class).getLocalAddress();
            String mongoAddress = mongo.getHostString() + ":" + mongo.getPort();
            String simulator = app.getBean(EmbeddedSimulator.class).simulator().baseUri().toString();

            assertThat(output).containsPattern("WARN .* com\\.mizani\\.app\\.mode\\.LocalModeBanner +: \\n=+\\n"
                    + "Mizani runs in LOCAL mode\\. NOT FOR PRODUCTION");
            String banner = output.getOut().substring(output.getOut().indexOf("Mizani runs in LOCAL mode"));
            assertThat(banner).contains(
                    "  - embedded PostgreSQL (dataDirectory=" + postgresData + ", port=" + postgresPort + ")\n",
                    "  - embedded MongoDB-wire server (address=" + mongoAddress + ", storage=in memory",
                    "  - M-Pesa simulator (baseUrl=" + simulator + ", ledger=in memory",
                    "  - development callback secret, published in application.yml (value=change-me-callback-secret)\n",
                    "  - embedded OAuth2/OIDC token issuer (",
                    "  - FX rate simulator (admin=/api/v1/admin/fx-simulator, fault=NONE, pairs=21)\n",
                    "A deployment sets mizani.mode=production (MIZANI_MODE)");

            JsonNode mode = new Api(IntegrationTest.portOf(app)).get("/actuator/health").json()
                    .path("components").path("mode");
            assertThat(mode.path("status").asText()).isEqualTo("UP");
            assertThat(mode.path("details").path("mode").asText()).isEqualTo("local");
            JsonNode embedded = mode.path("details").path("embedded");
            assertThat(embedded.properties()).extracting(entry -> entry.getKey())
                    .containsExactlyInAnyOrder("postgres", "mongo", "provider", "callback-secret", "token-issuer",
                            "fx-rates");
            assertThat(embedded.path("token-issuer").path("token-endpoint").asText()).endsWith("/oauth2/token");
            assertThat(embedded.path("postgres").path("description").asText()).isEqualTo("embedded PostgreSQL");
            assertThat(embedded.path("postgres").path("port").asText()).isEqualTo(String.valueOf(postgresPort));
            assertThat(embedded.path("postgres").path("dataDirectory").asText()).isEqualTo(postgresData);
            assertThat(embedded.path("mongo").path("address").asText()).isEqualTo(mongoAddress);
            assertThat(embedded.path("provider").path("baseUrl").asText()).isEqualTo(simulator);
            assertThat(embedded.path("callback-secret").path("value").asText()).isEqualTo("change-me-callback-secret");
            assertThat(embedded.path("fx-rates").path("description").asText()).isEqualTo("FX rate simulator");
        }
    }
}
