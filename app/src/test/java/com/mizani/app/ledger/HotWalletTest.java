package com.mizani.app.ledger;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many concurrent transfers out of one wallet, with a small connection pool and frequent snapshots. This once
 * stalled for the pool's timeout at every snapshot: the snapshot needed a connection while every connection was
 * held by a command waiting for the hot wallet's lock. Now all of them complete promptly.
 */
class HotWalletTest {

    @Test
    void concurrentTransfersFromOneWalletAllCompleteWithoutStalling() throws Exception {
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir(),
                "spring.datasource.hikari.maximum-pool-size=6",
                "spring.datasource.hikari.connection-timeout=10000",
                "mizani.api.max-concurrent-commands=3",
                "mizani.axon.wallet-snapshot-threshold=5")) {
            Api api = new Api(IntegrationTest.portOf(app));
            String hot = api.openWallet("KES");
            assertThat(api.deposit(hot, "1000.00", "KES").status()).isEqualTo(201);
            List<String> destinations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                destinations.add(api.openWallet("KES"));
            }

            int transfers = 120;
            List<Future<Integer>> answers = new ArrayList<>();
            long started = System.nanoTime();
            try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
                for (int i = 0; i < transfers; i++) {
                    String destination = destinations.get(i % destinations.size());
                    answers.add(clients.submit(() ->
                            api.transfer(UUID.randomUUID().toString(), hot, destination, "1.00", "KES").status()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).isEqualTo(201);
                }
            }
            // A stall would cost the 10 s connection timeout at every fifth transfer.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(api.available(hot)).isEqualTo("880.00"));
        }
    }
}
