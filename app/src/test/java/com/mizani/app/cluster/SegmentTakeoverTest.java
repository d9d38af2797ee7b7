package com.mizani.app.cluster;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.query.ledger.LedgerProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that dies holds its segments' claims until they time out; then a live node takes its projections over.
 * Here the ledger's segments are claimed, freshly, by a node that never renews them, as a node SIGKILLed just after
 * renewing would leave them: within the claim timeout (5 s) and the next look for unclaimed segments (1 s), this node
 * has them and its balances move again. Axon's defaults (10 s and 5 s) would keep them away for up to 15 s.
 */
class SegmentTakeoverTest {

    @Test
    void theSegmentsOfADeadNodeAreTakenOverWithinTheClaimTimeout() {
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir())) {
            Api api = new Api(IntegrationTest.portOf(app));
            String wallet = api.openWallet("KES");
            assertThat(api.available(wallet)).isEqualTo("0.00");
            EventProcessor ledger = app.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(LedgerProjection.PROCESSING_GROUP).orElseThrow();
            ledger.shutDown();
            int claimed = app.getBean(JdbcTemplate.class).update(
                    "UPDATE token_entry SET owner = 'a-node-that-died', time_stamp = ? WHERE processor_name = ?",
                    Instant.now().toString(), LedgerProjection.PROCESSING_GROUP);
            assertThat(claimed).as("the ledger's segments").isPositive();
            ledger.start();
            assertThat(api.deposit(wallet, "7.00", "KES").status()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(9)).pollInterval(Duration.ofMillis(200)).until(() ->
                    app.getBean(JdbcTemplate.class).queryForObject(
                            "SELECT count(*) FROM token_entry WHERE processor_name = ? AND owner = 'a-node-that-died'",
                            Integer.class, LedgerProjection.PROCESSING_GROUP) == 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/wallets/" + wallet).status() == 200);
            assertThat(api.available(wallet)).isEqualTo("7.00");
        }
    }
}
