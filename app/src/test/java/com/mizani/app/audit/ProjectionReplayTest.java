package com.mizani.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.embedded.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.app.replay.ReplayCommand;
import com.mizani.app.support.Api;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.axon.catchup.ProjectionCatchUp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding projections from the event store gives tables identical to the ones they replace, compared by
 * checksum, whether asked for over HTTP or from the command line. An instance of its own, so that no other test's
 * traffic changes the tables between the two checksums.
 */
class ProjectionReplayTest {

    /** Each table's rows as text, minus what is not derived from events: surrogate keys and wall-clock times. */
    private static final Map<String, String> TABLES = Map.of(
            "ledger_entry", "entry_id",
            "wallet_view", "",
            "transfer_view", "projected_at",
            "payment_view", "",
            "payment_timeline", "",
            "adjustment_view", "");

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startWithSomeHistory() {
        app = IntegrationTest.startApplication("mizani.data-dir=" + IntegrationTest.temporaryDataDir(),
                "mizani.payments.withdrawal-fee-minor=1500", "mizani.axon.deadline-polling-ms=200");
        api = new Api(IntegrationTest.portOf(app));
        jdbc = app.getBean(JdbcTemplate.class);
        String first = api.openWallet("KES");
        String second = api.openWallet("KES");
        String third = api.openWallet("UGX");
        api.deposit(first, "1000.00", "KES");
        api.deposit(third, "5000", "UGX");
        for (int i = 0; i < 10; i++) {
            api.transfer(UUID.randomUUID().toString(), first, second, "1" + i + ".25", "KES");
        }
        api.transfer(UUID.randomUUID().toString(), second, first, "100000.00", "KES"); // refused: insufficient funds
        api.settledPayout(first, "100");
        // Adjustments in every status, and a payout in review with a resolution waiting for approval.
        Api maker = api.as("ops.jane");
        Api checker = api.as("ops.amina");
        String credit = adjust(maker, first, "12.50", "CREDIT");
        assertThat(checker.post("/api/v1/ops/adjustments/" + credit + "/approve", "").status()).isEqualTo(200);
        String refused = adjust(maker, second, "1000000.00", "DEBIT");
        assertThat(checker.post("/api/v1/ops/adjustments/" + refused + "/approve", "").code()).isEqualTo("INSUFFICIENT_FUNDS");
        String rejected = adjust(maker, second, "1.00", "DEBIT");
        assertThat(checker.post("/api/v1/ops/adjustments/" + rejected + "/reject", "{\"reason\":\"no ticket\"}").status())
                .isEqualTo(200);
        adjust(maker, third, "7", "CREDIT");
        String reviewed = payoutInReview(first);
        assertThat(maker.post("/api/v1/ops/payments/" + reviewed + "/resolve",
                "{\"outcome\":\"PAID\",\"reason\":\"statement line TESTRCPT01\"}").status()).isEqualTo(202);
        // Every view settled before the first checksum: each projection is a processor of its own.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(api.available(first)).isEqualTo("635.00");
            assertThat(api.wallet(first).path("held").asText()).isEqualTo("115.00");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM adjustment_view WHERE status <> 'PENDING_APPROVAL'",
                    Integer.class)).isEqualTo(3);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM payment_view WHERE proposal_id IS NOT NULL",
                    Integer.class)).isEqualTo(1);
            assertThat(api.available(second)).isEqualTo("147.50");
            assertThat(api.available(third)).isEqualTo("5000");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM transfer_view WHERE status IN ('COMPLETED', 'REJECTED')",
                    Integer.class)).isEqualTo(11);
        });
    }

    private static String adjust(Api maker, String walletId, String amount, String direction) {
        Api.Response proposed = maker.post("/api/v1/ops/adjustments", """
                {"walletId":"%s","amount":"%s","currency":"%s","direction":"%s","reason":"replay test"}"""
                .formatted(walletId, amount, api.wallet(walletId).path("currency").asText(), direction),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        return proposed.text("adjustmentId");
    }

    /** A payout whose (signed) result reports another amount than ours: it goes to review, its money still held. */
    private static String payoutInReview(String walletId) {
        ProviderSimulator simulator = app.getBean(EmbeddedSimulator.class).simulator();
        simulator.setFaults(Faults.NONE.withLostCallbackRate(1.0));
        try {
            String paymentId = api.post("/api/v1/withdrawals", """
                    {"walletId":"%s","amount":"100","currency":"KES","msisdn":"254708374149"}""".formatted(walletId),
                    "Idempotency-Key", UUID.randomUUID().toString()).text("paymentId");
            // The result comes after the provider accepted the request: an acceptance recorded after the review
            // would add a timeline row at any moment, between two checksums too.
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/payments/" + paymentId).json().path("status").asText(), "SUBMITTED"::equals);
            String body = Callbacks.b2cSuccess(paymentId, 900, "254708374149");
            assertThat(Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> api.get("/api/v1/payments/" + paymentId).json().path("status").asText(), "MANUAL_REVIEW"::equals);
            return paymentId;
        } finally {
            simulator.setFaults(Faults.NONE);
        }
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void eachProjectionRebuiltOverHttpIsIdenticalToTheOneItReplaced() {
        Map<String, String> before = settledChecksums();
        JsonNode names = api.get("/api/v1/admin/projections").json().path("projections");
        assertThat(names.toString()).contains("\"ledger\"", "\"transfers\"", "\"payments\"", "\"adjustments\"", "\"audit\"")
                .doesNotContain("sagas");

        for (JsonNode name : names) {
            var started = api.post("/api/v1/admin/projections/" + name.asText() + "/replay", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            assertThat(started.location()).endsWith("/api/v1/admin/projections/" + name.asText() + "/replay");
            JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                    () -> api.get("/api/v1/admin/projections/" + name.asText() + "/replay").json(),
                    progress -> !progress.path("state").asText().equals("REPLAYING"));
            assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.path("eventsTotal").asLong()).isGreaterThan(30);
            assertThat(done.path("eventsDone").asLong()).isEqualTo(done.path("eventsTotal").asLong());
        }

        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void theCommandLineRebuildsEveryProjectionAndPrintsProgress() {
        Map<String, String> before = settledChecksums();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int exit = ReplayCommand.run(new String[]{"replay", "all", "--url=http://localhost:" + IntegrationTest.portOf(app),
                "--interval-ms=100", "--client-secret=" + Tokens.ADMIN_SECRET}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).containsPattern("ledger: COMPLETED [\\d,]+ of [\\d,]+ events, [\\d,]+ events/s")
                .contains("transfers: COMPLETED", "payments: COMPLETED", "adjustments: COMPLETED");
        assertThat(checksums()).isEqualTo(before);
    }

    @Test
    void unknownProjectionsAndSagasCannotBeReplayed() {
        var unknown = api.post("/api/v1/admin/projections/nonsense/replay", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PROJECTION_NOT_FOUND");
        assertThat(api.post("/api/v1/admin/projections/payment-sagas/replay", "").code()).isEqualTo("PROJECTION_NOT_FOUND");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = ReplayCommand.run(new String[]{"replay", "nonsense", "--url=http://localhost:" + IntegrationTest.portOf(app),
                        "--client-secret=" + Tokens.ADMIN_SECRET},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("nonsense: refused (404): PROJECTION_NOT_FOUND: no projection named nonsense");
    }

    /** The views once every projection holds every event committed so far (a resolution answered 202 still runs). */
    private static Map<String, String> settledChecksums() {
        assertThat(app.getBean(ProjectionCatchUp.class).awaitCommittedEvents(List.of("ledger", "transfers", "payments",
                "adjustments"), Duration.ofSeconds(10))).isTrue();
        return checksums();
    }

    private static Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        TABLES.forEach((table, excluded) -> {
            String row = excluded.isEmpty() ? "to_jsonb(t)::text" : "(to_jsonb(t) - '" + excluded + "')::text";
            sums.put(table, jdbc.queryForObject("SELECT count(*) || ':' || md5(coalesce(string_agg(" + row + ", ',' ORDER BY "
                    + row + "), '')) FROM " + table + " t", String.class));
        });
        assertThat(sums.get("ledger_entry")).doesNotStartWith("0:");
        return sums;
    }
}
