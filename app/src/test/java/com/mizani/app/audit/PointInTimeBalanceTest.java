package com.mizani.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The balance at an instant from the read model and the one replayed straight from the wallet's events agree at
 * every instant: before the wallet existed, between its movements, and exactly at (and just before) each entry.
 */
class PointInTimeBalanceTest extends IntegrationTest {

    @Test
    void readModelAndEventReplayAgreeAtManyInstants() {
        Instant beforeOpening = Instant.now().minusSeconds(1);
        String wallet = api.openWallet("KES");
        String other = api.openWallet("KES");
        Map<Instant, String> known = new LinkedHashMap<>();
        known.put(beforeOpening, "0.00");
        known.put(Instant.now(), "0.00");
        api.deposit(wallet, "100.00", "KES");
        known.put(Instant.now(), "100.00");
        api.deposit(other, "50.00", "KES");
        api.transfer(UUID.randomUUID().toString(), wallet, other, "30.25", "KES");
        known.put(Instant.now(), "69.75");
        api.transfer(UUID.randomUUID().toString(), other, wallet, "12.00", "KES");
        known.put(Instant.now(), "81.75");
        for (int i = 1; i <= 5; i++) {
            api.deposit(wallet, i + ".01", "KES");
        }
        known.put(Instant.now(), "96.80");
        // A payout reserves (no entry), then captures amount and fee: 50.00 + 15.00.
        api.settledPayout(wallet, "50");
        // The ledger view is a processor of its own: wait until it shows the capture, not only the reservation.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = api.wallet(wallet);
            assertThat(view.path("available").asText()).isEqualTo("31.80");
            assertThat(view.path("held").asText()).isEqualTo("0.00");
        });
        known.put(Instant.now(), "31.80");

        for (Map.Entry<Instant, String> checkpoint : known.entrySet()) {
            assertThat(readModelBalance(wallet, checkpoint.getKey()).path("balance").asText())
                    .as("read model at " + checkpoint.getKey()).isEqualTo(checkpoint.getValue());
        }
        List<Instant> instants = new ArrayList<>(known.keySet());
        for (JsonNode entry : api.get("/api/v1/wallets/" + wallet + "/entries").json().path("items")) {
            Instant at = Instant.parse(entry.path("occurredAt").asText());
            instants.add(at);
            instants.add(at.minus(1, ChronoUnit.MICROS));
        }
        assertThat(instants).hasSizeGreaterThan(25);
        for (Instant at : instants) {
            JsonNode fromReadModel = readModelBalance(wallet, at);
            JsonNode fromEvents = api.get("/api/v1/audit/wallets/%s/replay?asOf=%s".formatted(wallet, at)).json();
            assertThat(fromEvents.path("balance").asText()).as("balance at " + at)
                    .isEqualTo(fromReadModel.path("balance").asText());
            assertThat(fromEvents.path("sequence")).as("last entry at " + at).isEqualTo(fromReadModel.path("sequence"));
        }
    }

    @Test
    void badInstantsAreRefusedAndUnknownWalletsAreNotFound() {
        String wallet = api.openWallet("KES");
        var malformed = api.get("/api/v1/audit/wallets/" + wallet + "/replay?asOf=yesterday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
        var unknown = api.get("/api/v1/audit/wallets/" + UUID.randomUUID() + "/replay");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("WALLET_NOT_FOUND");
    }

    private JsonNode readModelBalance(String wallet, Instant at) {
        return api.get("/api/v1/wallets/%s/balance?asOf=%s".formatted(wallet, at)).json();
    }
}
