package com.mizani.app.infrastructure;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stopping and starting the application on the same data directory keeps every wallet and balance. */
class RestartPersistenceTest {

    private final Path dataDir = IntegrationTest.temporaryDataDir();

    @Test
    void balancesSurviveARestartAndTheLedgerCarriesOn() {
        String first;
        String second;
        try (ConfigurableApplicationContext app = start()) {
            Api api = new Api(IntegrationTest.portOf(app));
            first = api.openWallet("KES");
            second = api.openWallet("KES");
            assertThat(api.deposit(first, "300.00", "KES").status()).isEqualTo(201);
            assertThat(api.transfer(UUID.randomUUID().toString(), first, second, "120.50", "KES").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(second)).isEqualTo("120.50"));
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).as("the database lives in the data directory").exists();

        try (ConfigurableApplicationContext app = start()) {
            Api api = new Api(IntegrationTest.portOf(app));
            assertThat(api.available(first)).isEqualTo("179.50");
            assertThat(api.available(second)).isEqualTo("120.50");
            assertThat(api.get("/api/v1/wallets/" + first + "/entries").json().path("items")).hasSize(2);

            // The aggregates continue from their stored sequence numbers: nothing is replayed or doubled.
            assertThat(api.transfer(UUID.randomUUID().toString(), second, first, "20.50", "KES").status()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(first)).isEqualTo("200.00"));
            assertThat(api.get("/api/v1/wallets/" + first + "/entries").json().path("items")).hasSize(3);
            assertThat(api.get("/api/v1/ledger/verify").json().path("balanced").asBoolean()).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return IntegrationTest.startApplication("mizani.data-dir=" + dataDir);
    }
}
