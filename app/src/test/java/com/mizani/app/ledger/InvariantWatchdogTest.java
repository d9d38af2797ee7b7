package com.mizani.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.IntegrationTest;
import com.mizani.query.history.WalletEventLog;
import com.mizani.query.invariants.ProjectionReplayCheck;
import com.mizani.query.wallet.WalletViewRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invariant watchdog over HTTP and in its metrics. Rows are altered behind the application's back, each time in
 * a currency no other test holds (EUR, ZAR, GBP), and put back in a finally block: the database is shared.
 */
class InvariantWatchdogTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WalletViewRepository wallets;

    @Autowired
    WalletEventLog eventLog;

    @Autowired
    MeterRegistry meters;

    @Test
    void aHealthyLedgerReportsNoViolationsAndItsCoverage() {
        String source = api.openWallet("KES");
        String destination = api.openWallet("KES");
        api.deposit(source, "80.00", "KES");
        api.transfer(UUID.randomUUID().toString(), source, destination, "30.00", "KES");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(destination)).isEqualTo("30.00"));

        JsonNode report = api.get("/api/v1/ops/invariants").json();

        assertThat(report.path("healthy").asBoolean()).as(report.toString()).isTrue();
        JsonNode coverage = report.path("projection").path("coverage");
        long total = coverage.path("totalWallets").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(coverage.path("walletsChecked").asLong()).isEqualTo(Math.min(total, 200));
        assertThat(coverage.path("rotation").asLong()).isPositive();
        assertThat(report.path("projection").path("mismatches")).isEmpty();
        assertThat(report.path("negativeWallets").path("count").asLong()).isZero();
        assertThat(report.path("stuckTransit").path("count").asLong()).isZero();
        assertThat(report.path("stuckTransit").path("thresholdMs").asLong()).isEqualTo(300_000);
        JsonNode kes = currency(report, "KES");
        assertThat(kes.path("balanced").asBoolean()).isTrue();
        assertThat(kes.path("sum").asText()).isEqualTo("0.00");
        assertThat(api.get("/api/v1/ops/invariants/latest").json().path("checkedAt").asText())
                .isEqualTo(report.path("checkedAt").asText());
    }

    @Test
    void aSmallSampleWalksThroughEveryWalletOverSuccessiveRuns() {
        // Both projected before the walk starts: a wallet appearing mid-walk would make the count below uncertain.
        for (String wallet : new String[]{api.openWallet("KES"), api.openWallet("KES")}) {
            await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/wallets/" + wallet).status() == 200);
        }
        // A check of its own, so that the sample is smaller than the wallets whatever ran before.
        ProjectionReplayCheck check = new ProjectionReplayCheck(wallets, eventLog);
        long total = walletCount();
        int sampleSize = (int) Math.max(1, total / 3);

        long checked = 0;
        ProjectionReplayCheck.Result result;
        int runs = 0;
        do {
            result = check.check(Instant.now(), sampleSize, 10);
            assertThat(result.coverage().walletsChecked()).isEqualTo(sampleSize);
            assertThat(result.mismatchCount()).as(result.toString()).isZero();
            checked += result.coverage().walletsChecked();
            runs++;
        } while (result.coverage().rotationsCompleted() == 0 && runs < 10);

        assertThat(result.coverage().rotationsCompleted()).isEqualTo(1);
        assertThat(result.coverage().lastFullCoverageAt()).isNotNull();
        // The run that reached the last wallet went on from the first one, into the second rotation.
        long inSecondRotation = result.coverage().rotation() == 2 ? result.coverage().checkedInRotation() : 0;
        assertThat(checked - inSecondRotation).isEqualTo(result.coverage().totalWallets());
        // The rotation ends at the first slice that comes up short of the sample size.
        assertThat(runs).isEqualTo((int) (result.coverage().totalWallets() / sampleSize) + 1);
    }

    @Test
    void aProjectedBalanceAlteredBehindTheLedgersBackIsAMismatchNamingTheWallet() {
        String wallet = api.openWallet("EUR");
        api.deposit(wallet, "50.00", "EUR");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("50.00"));
        double before = violations("projection_matches_events");
        jdbc.update("UPDATE wallet_view SET available_minor = available_minor + 100000 WHERE wallet_id = ?::uuid", wallet);
        try {
            // A run replays a slice of the wallets: within a few runs the rotation reaches this one.
            JsonNode mismatch = await().atMost(Duration.ofSeconds(60)).until(
                    () -> find(api.get("/api/v1/ops/invariants").json().path("projection").path("mismatches"),
                            "walletId", wallet),
                    found -> found != null);

            assertThat(mismatch.path("projectedBalance").asText()).isEqualTo("1050.00");
            assertThat(mismatch.path("replayedBalance").asText()).isEqualTo("50.00");
            assertThat(mismatch.path("currency").asText()).isEqualTo("EUR");
            assertThat(violations("projection_matches_events")).isGreaterThan(before);
            JsonNode report = api.get("/api/v1/ops/invariants/latest").json();
            assertThat(report.path("healthy").asBoolean()).isFalse();
            assertThat(currency(report, "EUR").path("sum").asText()).isEqualTo("1000.00");
        } finally {
            jdbc.update("UPDATE wallet_view SET available_minor = available_minor - 100000 WHERE wallet_id = ?::uuid", wallet);
        }
        assertThat(currency(api.get("/api/v1/ops/invariants").json(), "EUR").path("balanced").asBoolean()).isTrue();
    }

    @Test
    void aNegativeWalletIsReported() {
        String wallet = api.openWallet("ZAR");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/wallets/" + wallet).status() == 200);
        double before = violations("no_negative_wallet");
        // Available below zero, held above it by as much: the total, and so the sums, stay intact.
        jdbc.update("UPDATE wallet_view SET available_minor = -500, held_minor = 500 WHERE wallet_id = ?::uuid", wallet);
        try {
            JsonNode negative = api.get("/api/v1/ops/invariants").json().path("negativeWallets");

            assertThat(negative.path("count").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode listed = find(negative.path("wallets"), "walletId", wallet);
            assertThat(listed).as(negative.toString()).isNotNull();
            assertThat(listed.path("available").asText()).isEqualTo("-5.00");
            assertThat(listed.path("held").asText()).isEqualTo("5.00");
            assertThat(violations("no_negative_wallet")).isGreaterThan(before);
        } finally {
            jdbc.update("UPDATE wallet_view SET available_minor = 0, held_minor = 0 WHERE wallet_id = ?::uuid", wallet);
        }
        JsonNode after = api.get("/api/v1/ops/invariants").json().path("negativeWallets");
        assertThat(find(after.path("wallets"), "walletId", wallet)).isNull();
    }

    @Test
    void aLonePostingBreaksTheZeroSumAndOldMoneyInTransitIsStuck() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        double zeroSumBefore = violations("zero_sum");
        double stuckBefore = violations("no_stuck_transit");
        insertTransitCredit(old, 12_345, Instant.now().minus(Duration.ofHours(1)));
        insertTransitCredit(recent, 100, Instant.now());
        try {
            JsonNode report = api.get("/api/v1/ops/invariants").json();

            JsonNode gbp = currency(report, "GBP");
            assertThat(gbp.path("balanced").asBoolean()).isFalse();
            assertThat(gbp.path("sum").asText()).isEqualTo("124.45");
            JsonNode unbalanced = find(report.path("zeroSum").path("unbalancedTransactions"), "transactionId", old.toString());
            assertThat(unbalanced.path("net").asText()).isEqualTo("123.45");
            assertThat(unbalanced.path("accounts").toString()).isEqualTo("[\"transit:GBP\"]");

            JsonNode stuck = report.path("stuckTransit").path("transactions");
            JsonNode oldOne = find(stuck, "transactionId", old.toString());
            assertThat(oldOne).as(stuck.toString()).isNotNull();
            assertThat(oldOne.path("amount").asText()).isEqualTo("123.45");
            assertThat(oldOne.path("currency").asText()).isEqualTo("GBP");
            assertThat(Instant.parse(oldOne.path("since").asText())).isBefore(Instant.now().minus(Duration.ofMinutes(59)));
            assertThat(find(stuck, "transactionId", recent.toString())).as("in transit for less than the threshold").isNull();
            assertThat(violations("zero_sum")).isGreaterThan(zeroSumBefore);
            assertThat(violations("no_stuck_transit")).isGreaterThan(stuckBefore);
        } finally {
            jdbc.update("DELETE FROM ledger_entry WHERE transaction_id IN (?, ?)", old, recent);
        }
        assertThat(currency(api.get("/api/v1/ops/invariants").json(), "GBP")).isNull();
    }

    @Test
    void theViolationCounterIsScrapedByPrometheus() {
        api.get("/api/v1/ops/invariants");

        var scrape = api.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE ledger_invariant_violations_total counter");
        for (String invariant : new String[]{"zero_sum", "projection_matches_events", "no_negative_wallet", "no_stuck_transit"}) {
            assertThat(scrape.body()).containsPattern("ledger_invariant_violations_total\\{[^}]*invariant=\"" + invariant + "\"");
        }
    }

    private void insertTransitCredit(UUID transactionId, long amountMinor, Instant at) {
        jdbc.update("""
                INSERT INTO ledger_entry (account, is_wallet, currency, transaction_id, kind, direction, amount_minor,
                                          contra_account, occurred_at, event_id, event_position, posting_index, entry_hash)
                VALUES ('transit:GBP', false, 'GBP', ?, 'TRANSFER_OUT', 'CREDIT', ?, 'made-up', ?, ?, 0, 1, ?)""",
                transactionId, amountMinor, Timestamp.from(at), "test-" + transactionId, "0".repeat(64));
    }

    private long walletCount() {
        return jdbc.queryForObject("SELECT count(*) FROM wallet_view", Long.class);
    }

    private double violations(String invariant) {
        return meters.get("ledger.invariant.violations").tag("invariant", invariant).counter().count();
    }

    private static JsonNode currency(JsonNode report, String currency) {
        return find(report.path("zeroSum").path("currencies"), "currency", currency);
    }

    private static JsonNode find(JsonNode items, String field, String value) {
        return StreamSupport.stream(items.spliterator(), false)
                .filter(item -> value.equals(item.path(field).asText()))
                .findFirst().orElse(null);
    }
}
