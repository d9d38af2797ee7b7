package com.mizani.app.infrastructure;

import com.mizani.app.support.Api;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** While PostgreSQL is down the API answers 503 and changes nothing; once it is back, the same request succeeds. */
class DatabaseRestartTest {

    @Test
    void aDatabaseOutageIs503AndTheRetryAfterItSucceedsOnce() throws Exception {
        Path directory = IntegrationTest.temporaryDataDir().resolve("external-postgres");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres postgres = start(directory, port);
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username=postgres",
                "spring.datasource.hikari.connection-timeout=2000")) {
            Api api = new Api(IntegrationTest.portOf(app));
            String wallet = api.openWallet("KES");
            String deposit = "{\"walletId\":\"%s\",\"amount\":\"25.00\",\"currency\":\"KES\"}".formatted(wallet);

            postgres.close();
            Response duringOutage = api.post("/api/v1/deposits", deposit, "Idempotency-Key", "outage-deposit");
            assertThat(duringOutage.status()).isEqualTo(503);
            assertThat(duringOutage.isProblem()).isTrue();
            assertThat(duringOutage.code()).isEqualTo("SERVICE_UNAVAILABLE");

            postgres = start(directory, port);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.post("/api/v1/deposits", deposit, "Idempotency-Key", "outage-deposit").status() == 201);
            assertThat(api.post("/api/v1/deposits", deposit, "Idempotency-Key", "outage-deposit").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("25.00"));
            assertThat(api.get("/api/v1/wallets/" + wallet + "/entries").json().path("items")).hasSize(1);
        } finally {
            postgres.close();
        }
    }

    private static EmbeddedPostgres start(Path directory, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).setPort(port).start();
    }
}
