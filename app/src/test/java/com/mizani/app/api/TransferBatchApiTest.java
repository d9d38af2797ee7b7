package com.mizani.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * POST /api/v1/transfers/batch over HTTP: each item is answered as POST /transfers would answer it, one item's
 * refusal leaves the others alone, a repeat moves nothing twice, and an envelope that is wrong carries out nothing.
 * "Nothing was carried out" is proved on the command side, which answers at once: a key the refused batch held is
 * still free afterwards (a transfer of another body under it is created, not IDEMPOTENCY_KEY_REUSED), and the source's
 * balance, once the read model has that transfer, shows no other movement.
 */
class TransferBatchApiTest extends IntegrationTest {

    private static final String BATCH = "/api/v1/transfers/batch";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Item(String key, String source, String destination, String amount) {

        String json() {
            return "{\"idempotencyKey\":%s,\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"KES\"}"
                    .formatted(key == null ? "null" : "\"" + key + "\"", source, destination, amount);
        }
    }

    private static String batchOf(List<Item> items) {
        return "{\"items\":[" + String.join(",", items.stream().map(Item::json).toList()) + "]}";
    }

    private static String key() {
        return "batch-" + UUID.randomUUID();
    }

    @Test
    void eachItemIsAnsweredAsASingleTransferAndOneRefusalLeavesTheOthersDone() {
        String rich = funded("100.00");
        String poor = funded("10.00");
        String first = api.openWallet("KES");
        String second = api.openWallet("KES");
        String frozen = api.openWallet("KES");
        assertThat(api.post("/api/v1/wallets/" + frozen + "/freeze", "").status()).isEqualTo(200);
        List<Item> items = List.of(
                new Item(key(), rich, first, "30.00"),
                new Item(key(), poor, second, "50.00"),
                new Item(key(), rich, second, "20.00"),
                new Item(key(), rich, first, "-1"),
                new Item(key(), rich, rich, "1.00"),
                new Item(null, rich, first, "1.00"),
                new Item(key(), rich, frozen, "5.00"));

        Response answer = api.post(BATCH, batchOf(items));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode results = answer.json().path("results");
        assertThat(results).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
            assertThat(results.get(i).path("idempotencyKey").asText(null)).isEqualTo(items.get(i).key());
        }
        assertDone(results.get(0), "COMPLETED");
        assertDone(results.get(2), "COMPLETED");
        assertProblem(results.get(1), 422, "INSUFFICIENT_FUNDS");
        String rejectedId = results.get(1).path("problem").path("transferId").asText();
        assertThat(rejectedId).isNotEmpty();
        assertProblem(results.get(3), 400, "INVALID_AMOUNT");
        assertProblem(results.get(4), 400, "SAME_WALLET");
        assertProblem(results.get(5), 400, "IDEMPOTENCY_KEY_MISSING");
        assertThat(results.get(5).path("problem").path("detail").asText()).contains("idempotencyKey");
        assertDone(results.get(6), "FAILED");
        assertThat(results.get(6).path("transfer").path("failureCode").asText()).isEqualTo("WALLET_FROZEN");
        JsonNode summary = answer.json().path("summary");
        assertThat(summary.path("items").asInt()).isEqualTo(7);
        assertThat(summary.path("completed").asInt()).isEqualTo(2);
        assertThat(summary.path("failed").asInt()).isEqualTo(1);
        assertThat(summary.path("refused").asInt()).isEqualTo(4);
        assertThat(summary.path("requested").asInt()).isZero();

        awaitAvailable(rich, "50.00");
        awaitAvailable(first, "30.00");
        awaitAvailable(second, "20.00");
        assertThat(api.available(poor)).isEqualTo("10.00");
        awaitAvailable(frozen, "0.00");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/transfers/" + rejectedId).text("status")).isEqualTo("REJECTED"));
        String completedId = results.get(0).path("transfer").path("transferId").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/transactions/" + completedId)
                .json().path("balanced").asBoolean()).isTrue());
        assertLedgerBalanced();
    }

    @Test
    void aRepeatedBatchMovesNothingAgainAndAnswersTheSameOutcomesAsASingleTransferWould() {
        String source = funded("40.00");
        String destination = api.openWallet("KES");
        List<Item> items = List.of(
                new Item(key(), source, destination, "15.00"),
                new Item(key(), source, destination, "100.00"),
                new Item(key(), source, destination, "5.00"));
        String body = batchOf(items);

        Response first = api.post(BATCH, body);
        Response repeat = api.post(BATCH, body);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(repeat.status()).as(repeat.body()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        JsonNode results = first.json().path("results");
        assertDone(results.get(0), "COMPLETED");
        assertProblem(results.get(1), 422, "INSUFFICIENT_FUNDS");
        assertDone(results.get(2), "COMPLETED");

        // The same key at the single endpoint is the same transfer, with the same answer.
        Item done = items.get(0);
        Response single = api.transfer(done.key(), done.source(), done.destination(), done.amount(), "KES");
        assertThat(single.status()).isEqualTo(201);
        assertThat(single.json()).isEqualTo(results.get(0).path("transfer"));
        assertThat(single.location()).isEqualTo(results.get(0).path("location").asText());
        Item refused = items.get(1);
        Response singleRefused = api.transfer(refused.key(), refused.source(), refused.destination(), refused.amount(), "KES");
        assertThat(singleRefused.status()).isEqualTo(422);
        assertThat(singleRefused.text("transferId")).isEqualTo(results.get(1).path("problem").path("transferId").asText());

        awaitAvailable(destination, "20.00");
        assertThat(api.available(source)).isEqualTo("20.00");
        assertThat(api.get("/api/v1/wallets/" + destination + "/entries").json().path("items")).hasSize(2);
    }

    @Test
    void anItemWhoseKeyWasUsedForAnotherTransferIsThatItemsConflictOnly() {
        String source = funded("50.00");
        String destination = api.openWallet("KES");
        String used = key();
        assertThat(api.transfer(used, source, destination, "10.00", "KES").status()).isEqualTo(201);

        Response answer = api.post(BATCH, batchOf(List.of(
                new Item(key(), source, destination, "7.00"),
                new Item(used, source, destination, "11.00"))));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertDone(answer.json().path("results").get(0), "COMPLETED");
        assertProblem(answer.json().path("results").get(1), 409, "IDEMPOTENCY_KEY_REUSED");
        awaitAvailable(destination, "17.00");
        assertThat(api.available(source)).isEqualTo("33.00");
    }

    @Test
    void twoItemsUnderOneKeyRefuseTheWholeBatch() {
        String source = funded("30.00");
        String destination = api.openWallet("KES");
        String other = key();
        String twice = key();

        Response refused = api.post(BATCH, batchOf(List.of(
                new Item(other, source, destination, "1.00"),
                new Item(twice, source, destination, "2.00"),
                new Item(twice, source, destination, "3.00"))));

        assertRefused(refused, 422, "DUPLICATE_BATCH_KEY");
        assertThat(refused.text("detail")).contains("items 1 and 2");
        assertNothingCarriedOut(source, "30.00", destination, other, twice);
    }

    @Test
    void anEmptyBatchNoItemsAndAMalformedBodyAreRefused() {
        assertRefused(api.post(BATCH, "{\"items\":[]}"), 400, "VALIDATION_FAILED");
        assertRefused(api.post(BATCH, "{}"), 400, "VALIDATION_FAILED");
        assertRefused(api.post(BATCH, "{\"items\":[null]}"), 400, "VALIDATION_FAILED");
        assertRefused(api.post(BATCH, "{\"items\":\"all of them\"}"), 400, "MALFORMED_REQUEST");

        String source = funded("20.00");
        String destination = api.openWallet("KES");
        String sent = key();
        String truncated = batchOf(List.of(new Item(sent, source, destination, "1.00"),
                new Item(key(), source, destination, "2.00")));
        assertRefused(api.post(BATCH, truncated.substring(0, truncated.length() - 3)), 400, "MALFORMED_REQUEST");
        assertNothingCarriedOut(source, "20.00", destination, sent);
    }

    @Test
    void moreItemsThanABatchMayHoldAreRefusedWithNoneCarriedOut() {
        String source = funded("20.00");
        String destination = api.openWallet("KES");
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            items.add(new Item(key(), source, destination, "0.01"));
        }

        Response refused = api.post(BATCH, batchOf(items));

        assertRefused(refused, 400, "BATCH_TOO_LARGE");
        assertNothingCarriedOut(source, "20.00", destination, items.get(0).key(), items.get(1_000).key());
    }

    @Test
    void aCustomerMayNotSendABatch() {
        String owner = UUID.randomUUID().toString();
        String own = api.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}".formatted(owner)).text("walletId");
        String destination = api.openWallet("KES");
        Api customer = api.asClient("batch-customer", List.of("customer"), owner);

        Response refused = customer.post(BATCH, batchOf(List.of(new Item(key(), own, destination, "1.00"))));

        assertRefused(refused, 403, "ACCESS_DENIED");
    }

    /**
     * A thousand transfers from ten wallets, with keys of the longest length a key may have (so the body is as large as
     * a batch's can be, far over the limit of other bodies): all done, and the ledger still sums to zero. Not timed.
     */
    @Test
    void aBatchOfAThousandTransfersIsCarriedOut() throws Exception {
        List<String> sources = new ArrayList<>();
        List<String> destinations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sources.add(funded("100.00"));
            destinations.add(api.openWallet("KES"));
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String longKey = (key() + "-").repeat(4).substring(0, 128);
            items.add(new Item(longKey, sources.get(i % 10), destinations.get(i % 10), "1.00"));
        }
        String body = batchOf(items);
        assertThat(body.length()).as("the body's size").isGreaterThan(250_000);

        HttpResponse<String> answer = sendSlowly(api, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode results = JSON.readTree(answer.body()).path("results");
        assertThat(results).hasSize(1_000);
        for (int i = 0; i < 1_000; i++) {
            JsonNode result = results.get(i);
            assertThat(result.path("index").asInt()).isEqualTo(i);
            // Done (201), or on a box slower than the batch's wait still running (202): either way it completes.
            assertThat(result.path("status").asInt()).as(result.toString()).isIn(201, 202);
            assertThat(result.path("transfer").path("status").asText()).as(result.toString()).isIn("COMPLETED", "REQUESTED");
        }
        JsonNode summary = JSON.readTree(answer.body()).path("summary");
        assertThat(summary.path("completed").asInt() + summary.path("requested").asInt()).isEqualTo(1_000);
        for (int i = 0; i < 10; i++) {
            String source = sources.get(i);
            String destination = destinations.get(i);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(api.available(source)).isEqualTo("0.00");
                assertThat(api.available(destination)).isEqualTo("100.00");
            });
        }
        assertLedgerBalanced();
    }

    /** A batch counts against the rate limit as its items: a fresh service's bucket (10,000) has lost 100 after one. */
    @Test
    void aBatchCountsAgainstTheRateLimitAsItsItems() throws Exception {
        Api service = api.asClient("batch-counted", List.of("service"), null);
        String wallet = UUID.randomUUID().toString();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // Refused one by one (an amount of zero): nothing is carried out, but each item counts.
            items.add(new Item(key(), wallet, UUID.randomUUID().toString(), "0"));
        }
        HttpRequest request = service.authorize(HttpRequest.newBuilder(service.uri(BATCH)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(batchOf(items))).build();

        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Matcher remaining = Pattern.compile("r=(\\d+)").matcher(answer.headers().firstValue("RateLimit").orElse(""));
        assertThat(remaining.find()).as("the RateLimit header").isTrue();
        // Without the batch's items the bucket would hold 9,999; a token may have come back meanwhile.
        assertThat(Long.parseLong(remaining.group(1))).isLessThanOrEqualTo(10_000 - 100 + 1);
    }

    /** The batch, with more time than the batch's own wait (30 s) before the client gives up on the answer. */
    private static HttpResponse<String> sendSlowly(Api client, String body) throws Exception {
        HttpRequest request = client.authorize(HttpRequest.newBuilder(client.uri(BATCH)))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertDone(JsonNode result, String status) {
        assertThat(result.path("status").asInt()).as(result.toString()).isEqualTo(201);
        assertThat(result.path("transfer").path("status").asText()).as(result.toString()).isEqualTo(status);
        assertThat(result.path("location").asText())
                .isEqualTo("/api/v1/transfers/" + result.path("transfer").path("transferId").asText());
        assertThat(result.path("problem").isNull()).as(result.toString()).isTrue();
    }

    private void assertProblem(JsonNode result, int status, String code) {
        assertThat(result.path("status").asInt()).as(result.toString()).isEqualTo(status);
        JsonNode problem = result.path("problem");
        assertThat(problem.path("code").asText()).as(result.toString()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotEmpty();
        assertThat(problem.path("detail").asText()).isNotEmpty();
        assertThat(result.path("transfer").isNull()).as(result.toString()).isTrue();
    }

    private static void assertRefused(Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.isProblem()).as(answer.contentType()).isTrue();
        assertThat(answer.code()).as(answer.body()).isEqualTo(code);
    }

    /**
     * The refused batch's keys are unused: each takes a transfer of another body (1.00 each), which would be
     * IDEMPOTENCY_KEY_REUSED had the batch carried out an item under it. Once the read model has those transfers, the
     * source holds what it held less them, and no more.
     */
    private void assertNothingCarriedOut(String source, String held, String destination, String... keys) {
        for (String key : keys) {
            Response probe = api.transfer(key, source, destination, "1.00", "KES");
            assertThat(probe.status()).as("a transfer under %s: %s", key, probe.body()).isEqualTo(201);
        }
        long heldMinor = new java.math.BigDecimal(held).movePointRight(2).longValueExact();
        String left = java.math.BigDecimal.valueOf(heldMinor - 100L * keys.length, 2).toPlainString();
        awaitAvailable(destination, java.math.BigDecimal.valueOf(100L * keys.length, 2).toPlainString());
        awaitAvailable(source, left);
    }

    private void assertLedgerBalanced() {
        JsonNode verify = api.get("/api/v1/ledger/verify").json();
        assertThat(verify.path("balanced").asBoolean()).as(verify.toString()).isTrue();
        assertThat(verify.path("negativeWallets").asLong()).as(verify.toString()).isZero();
    }

    private String funded(String amount) {
        String wallet = api.openWallet("KES");
        assertThat(api.deposit(wallet, amount, "KES").status()).isEqualTo(201);
        awaitAvailable(wallet, amount);
        return wallet;
    }

    private void awaitAvailable(String walletId, String amount) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(walletId)).isEqualTo(amount));
    }
}
