package com.mizani.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Statistics and the activity list over activity of the test's own, in GHS, a currency no other test holds: two
 * cash deposits and three transfers (one refused for insufficient funds) between two fresh wallets, created once
 * for the class so that the statistics' window (widened to whole minutes) holds it once.
 */
class OpsStatsTest extends IntegrationTest {

    private static Instant started;
    private static String payer;
    private static String payee;

    @BeforeEach
    void activity() {
        if (started != null) {
            return;
        }
        started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        payer = api.openWallet("GHS");
        payee = api.openWallet("GHS");
        assertThat(api.deposit(payer, "100.00", "GHS").status()).isEqualTo(201);
        assertThat(api.deposit(payer, "20.50", "GHS").status()).isEqualTo(201);
        assertThat(api.transfer(UUID.randomUUID().toString(), payer, payee, "30.00", "GHS").status()).isLessThan(300);
        assertThat(api.transfer(UUID.randomUUID().toString(), payer, payee, "45.00", "GHS").status()).isLessThan(300);
        assertThat(api.transfer(UUID.randomUUID().toString(), payer, payee, "500.00", "GHS").status()).isEqualTo(422);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode items = api.get("/api/v1/ops/activity?walletId=" + payer).json().path("items");
            assertThat(items).hasSize(5);
            assertThat(statuses(items)).doesNotContain("REQUESTED");
        });
    }

    @Test
    void statsCountAndSumTheActivityByTypeStatusAndCurrency() {
        JsonNode stats = api.get("/api/v1/ops/stats?bucket=minute&from=" + encoded(started)).json();

        assertThat(stats.path("bucket").asText()).isEqualTo("MINUTE");
        assertThat(Instant.parse(stats.path("from").asText())).isEqualTo(started.truncatedTo(ChronoUnit.MINUTES));
        assertThat(stats.path("buckets").asLong()).isBetween(1L, 3L);
        JsonNode totals = stats.path("totals");
        assertGroup(totals, "TRANSFER", "COMPLETED", 2, "75.00");
        assertGroup(totals, "TRANSFER", "REJECTED", 1, "500.00");
        assertGroup(totals, "DEPOSIT", "SETTLED", 2, "120.50");
        assertThat(group(totals, "WITHDRAWAL", "SETTLED")).isNull();

        long completedInSeries = 0;
        for (JsonNode bucket : stats.path("series")) {
            Instant start = Instant.parse(bucket.path("bucketStart").asText());
            assertThat(start).isEqualTo(start.truncatedTo(ChronoUnit.MINUTES))
                    .isBetween(Instant.parse(stats.path("from").asText()), Instant.parse(stats.path("to").asText()));
            if (bucket.path("currency").asText().equals("GHS") && bucket.path("type").asText().equals("TRANSFER")
                    && bucket.path("status").asText().equals("COMPLETED")) {
                completedInSeries += bucket.path("count").asLong();
            }
        }
        assertThat(completedInSeries).isEqualTo(2);
        assertThat(stats.path("seriesTruncated").asBoolean()).isFalse();
    }

    @Test
    void theDefaultWindowIsTheLastDayByTheHour() {
        JsonNode stats = api.get("/api/v1/ops/stats").json();

        assertThat(stats.path("bucket").asText()).isEqualTo("HOUR");
        assertThat(stats.path("buckets").asLong()).isBetween(24L, 25L);
        Instant to = Instant.parse(stats.path("to").asText());
        assertThat(to).isAfter(Instant.now().minusSeconds(1)).isEqualTo(to.truncatedTo(ChronoUnit.HOURS));
        assertThat(group(stats.path("totals"), "DEPOSIT", "SETTLED")).isNotNull();
        assertThat(stats.path("queues").has("ambiguous")).isTrue();
        assertThat(stats.path("queues").has("manualReview")).isTrue();
        assertThat(stats.path("failedPayouts").has("count")).isTrue();
    }

    @Test
    void activityIsFilteredNewestFirstAndPagedWithACursor() {
        List<JsonNode> all = items(api.get("/api/v1/ops/activity?walletId=" + payer).json());
        assertThat(all).extracting(item -> item.path("type").asText())
                .containsExactly("TRANSFER", "TRANSFER", "TRANSFER", "DEPOSIT", "DEPOSIT");
        assertThat(all.getFirst().path("status").asText()).isEqualTo("REJECTED");
        assertThat(all.getFirst().path("counterpartyWalletId").asText()).isEqualTo(payee);
        assertThat(all.get(3).path("method").asText()).isEqualTo("CASH");
        assertThat(all.get(3).path("amount").asText()).isEqualTo("20.50");
        for (int i = 1; i < all.size(); i++) {
            assertThat(Instant.parse(all.get(i).path("requestedAt").asText()))
                    .isBeforeOrEqualTo(Instant.parse(all.get(i - 1).path("requestedAt").asText()));
        }

        List<JsonNode> paged = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/ops/activity?limit=2&walletId=" + payer + "&cursor=" + cursor).json();
            paged.addAll(items(page));
            cursor = page.path("nextCursor").asText("");
            pages++;
        } while (!cursor.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(paged).extracting(item -> item.path("id").asText())
                .containsExactlyElementsOf(all.stream().map(item -> item.path("id").asText()).toList());

        assertThat(items(api.get("/api/v1/ops/activity?type=TRANSFER&walletId=" + payee).json())).hasSize(3);
        assertThat(items(api.get("/api/v1/ops/activity?status=COMPLETED&walletId=" + payee).json()))
                .extracting(item -> item.path("amount").asText()).containsExactly("45.00", "30.00");
        assertThat(items(api.get("/api/v1/ops/activity?type=DEPOSIT&status=SETTLED&walletId=" + payer).json())).hasSize(2);
        assertThat(items(api.get("/api/v1/ops/activity?type=WITHDRAWAL&walletId=" + payer).json())).isEmpty();
        assertThat(items(api.get("/api/v1/ops/activity?walletId=" + payer + "&to=" + encoded(started)).json())).isEmpty();
        assertThat(items(api.get("/api/v1/ops/activity?walletId=" + payer + "&from=" + encoded(started)
                + "&to=" + encoded(Instant.now().plusSeconds(60))).json())).hasSize(5);
    }

    @Test
    void aWalletsOwnActivityIsTheSameFeedAndAnUnknownWalletIs404() {
        List<String> ops = items(api.get("/api/v1/ops/activity?walletId=" + payer).json()).stream()
                .map(item -> item.path("id").asText()).toList();
        List<String> own = items(api.get("/api/v1/wallets/" + payer + "/activity").json()).stream()
                .map(item -> item.path("id").asText()).toList();
        assertThat(own).hasSize(5).containsExactlyElementsOf(ops);
        JsonNode page = api.get("/api/v1/wallets/" + payer + "/activity?limit=2").json();
        assertThat(items(page)).hasSize(2);
        assertThat(page.path("nextCursor").asText()).isNotEmpty();
        Response unknown = api.get("/api/v1/wallets/" + UUID.randomUUID() + "/activity");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("WALLET_NOT_FOUND");
        assertRefused("/api/v1/wallets/" + payer + "/activity?limit=0", "VALIDATION_FAILED");
    }

    @Test
    void badFiltersLimitsCursorsAndInstantsAreRefused() {
        assertRefused("/api/v1/ops/activity?type=REFUND", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?status=LOST", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?type=TRANSFER&status=SETTLED", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?walletId=not-a-wallet", "INVALID_ID");
        assertRefused("/api/v1/ops/activity?from=yesterday", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?limit=0", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?limit=501", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?limit=many", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/activity?cursor=%25%25!", "INVALID_CURSOR");
        assertRefused("/api/v1/ops/activity?cursor=bm9wZQ", "INVALID_CURSOR");
        // A cursor of another list (wallet entries) is not one of this list's.
        assertRefused("/api/v1/ops/activity?cursor=azox", "INVALID_CURSOR");
        assertRefused("/api/v1/ops/stats?bucket=week", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/stats?from=2026-13-01T00:00:00Z", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/stats?from=2026-01-02T00:00:00Z&to=2026-01-02T00:00:00Z", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/stats?bucket=minute&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/stats?from=1900-01-01T00:00:00Z", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/stats?items=0", "VALIDATION_FAILED");
        assertRefused("/api/v1/ops/stats?items=101", "VALIDATION_FAILED");
    }

    private void assertRefused(String path, String code) {
        Response response = api.get(path);
        assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(400);
        assertThat(response.isProblem()).as(path + " content type " + response.contentType()).isTrue();
        assertThat(response.code()).as(path).isEqualTo(code);
    }

    private static void assertGroup(JsonNode groups, String type, String status, long count, String volume) {
        JsonNode group = group(groups, type, status);
        assertThat(group).as(type + " " + status + " in " + groups).isNotNull();
        assertThat(group.path("count").asLong()).isEqualTo(count);
        assertThat(group.path("volume").asText()).isEqualTo(volume);
    }

    private static JsonNode group(JsonNode groups, String type, String status) {
        return StreamSupport.stream(groups.spliterator(), false)
                .filter(group -> group.path("currency").asText().equals("GHS")
                        && group.path("type").asText().equals(type) && group.path("status").asText().equals(status))
                .findFirst().orElse(null);
    }

    private static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false).toList();
    }

    private static List<String> statuses(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("status").asText()).toList();
    }

    private static String encoded(Instant at) {
        return URLEncoder.encode(at.toString(), StandardCharsets.UTF_8);
    }
}
