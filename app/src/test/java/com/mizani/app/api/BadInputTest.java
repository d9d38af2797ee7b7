package com.mizani.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every kind of bad input gets a 4xx problem+json with a stable code, and changes nothing. */
class BadInputTest extends IntegrationTest {

    private String source;
    private String destination;

    @BeforeEach
    void fundedPair() {
        source = api.openWallet("KES");
        destination = api.openWallet("KES");
        api.deposit(source, "100.00", "KES");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(source)).isEqualTo("100.00"));
    }

    @ParameterizedTest(name = "amount {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "'12.345'           | INVALID_AMOUNT",
            "'-5.00'            | INVALID_AMOUNT",
            "'0'                | INVALID_AMOUNT",
            "'0.00'             | INVALID_AMOUNT",
            "'1e3'              | INVALID_AMOUNT",
            "'1,000.00'         | INVALID_AMOUNT",
            "' 5.00'            | INVALID_AMOUNT",
            "'NaN'              | INVALID_AMOUNT",
            "'99999999999999999999' | INVALID_AMOUNT",
            "'100000000000.01'  | AMOUNT_OUT_OF_RANGE",
            "''                 | VALIDATION_FAILED"})
    void badAmountsAreRefused(String amount, String code) {
        assertRefused(api.transfer(key(), source, destination, amount, "KES"), 400, code);
        assertRefused(api.deposit(source, amount, "KES"), 400, code);
    }

    @ParameterizedTest(name = "currency {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "kes | UNKNOWN_CURRENCY",
            "XYZ | UNKNOWN_CURRENCY",
            "KESS | UNKNOWN_CURRENCY",
            "'' | VALIDATION_FAILED"})
    void unknownCurrenciesAreRefused(String currency, String code) {
        assertRefused(api.transfer(key(), source, destination, "1.00", currency), 400, code);
        assertRefused(api.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"%s\"}".formatted(UUID.randomUUID(), currency)), 400, code);
    }

    @Test
    void malformedAndMistypedBodiesAreRefused() {
        assertRefused(api.post("/api/v1/transfers", "{\"sourceWalletId\":", "Idempotency-Key", key()), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/transfers", "not json", "Idempotency-Key", key()), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/transfers", "", "Idempotency-Key", key()), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/transfers", "[1,2]", "Idempotency-Key", key()), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/deposits", "{\"walletId\":{\"a\":1},\"amount\":\"1.00\",\"currency\":\"KES\"}",
                "Idempotency-Key", key()), 400, "MALFORMED_REQUEST");
        assertRefused(api.post("/api/v1/wallets", "null"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void missingFieldsAreRefused() {
        assertRefused(api.post("/api/v1/transfers", "{}", "Idempotency-Key", key()), 400, "VALIDATION_FAILED");
        assertRefused(api.post("/api/v1/transfers", "{\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\",\"currency\":\"KES\"}"
                .formatted(source, destination), "Idempotency-Key", key()), 400, "VALIDATION_FAILED");
        assertRefused(api.post("/api/v1/deposits", "{\"amount\":\"1.00\",\"currency\":\"KES\"}", "Idempotency-Key", key()), 400, "VALIDATION_FAILED");
        assertRefused(api.post("/api/v1/wallets", "{\"currency\":\"KES\"}"), 400, "VALIDATION_FAILED");
    }

    @Test
    void badIdsAreRefused() {
        assertRefused(api.transfer(key(), "not-a-uuid", destination, "1.00", "KES"), 400, "INVALID_ID");
        assertRefused(api.transfer(key(), source, "123", "1.00", "KES"), 400, "INVALID_ID");
        assertRefused(api.post("/api/v1/wallets", "{\"ownerId\":\"x\",\"currency\":\"KES\"}"), 400, "INVALID_ID");
        assertRefused(api.get("/api/v1/wallets/not-a-uuid"), 400, "INVALID_ID");
        assertRefused(api.get("/api/v1/transfers/' OR 1=1 --".replace(" ", "%20").replace("'", "%27")), 400, "INVALID_ID");
        assertRefused(api.get("/api/v1/transactions/xyz"), 400, "INVALID_ID");
        assertRefused(api.post("/api/v1/wallets/xyz/freeze", ""), 400, "INVALID_ID");
        assertRefused(api.transfer(key(), source, source, "1.00", "KES"), 400, "SAME_WALLET");
    }

    @Test
    void badHeadersAreRefused() {
        String body = Api.transferJson(source, destination, "1.00", "KES");
        assertRefused(api.post("/api/v1/transfers", body), 400, "IDEMPOTENCY_KEY_MISSING");
        assertRefused(api.post("/api/v1/deposits", "{\"walletId\":\"%s\",\"amount\":\"1.00\",\"currency\":\"KES\"}".formatted(source)),
                400, "IDEMPOTENCY_KEY_MISSING");
        assertRefused(api.post("/api/v1/transfers", body, "Idempotency-Key", "x".repeat(129)), 400, "IDEMPOTENCY_KEY_INVALID");
        assertRefused(api.post("/api/v1/transfers", body, "Idempotency-Key", "key with spaces"), 400, "IDEMPOTENCY_KEY_INVALID");
    }

    @Test
    void oversizedBodiesAreRefusedWhetherDeclaredOrStreamed() {
        String huge = "{\"ownerId\":\"" + "x".repeat(20_000) + "\",\"currency\":\"KES\"}";
        assertRefused(api.post("/api/v1/wallets", huge), 400, "REQUEST_TOO_LARGE");

        HttpRequest.Builder chunked = HttpRequest.newBuilder(api.uri("/api/v1/transfers"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));
        assertRefused(api.send(chunked), 400, "REQUEST_TOO_LARGE");
    }

    /** The access policy reads a customer's body to see whose wallet it names: never more of it than the limit. */
    @Test
    void aCustomersOversizedBodyIsRefusedBeforeThePolicyReadsIt() {
        Api customer = api.asClient("oversized-customer", List.of("customer"), UUID.randomUUID().toString());
        String huge = "{\"sourceWalletId\":\"" + "x".repeat(20_000) + "\"}";
        assertRefused(customer.post("/api/v1/transfers", huge, "Idempotency-Key", key()), 400, "REQUEST_TOO_LARGE");
        assertRefused(api.anonymous().post("/api/v1/transfers", huge), 400, "REQUEST_TOO_LARGE");
        HttpRequest.Builder chunked = HttpRequest.newBuilder(api.uri("/api/v1/transfers"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())));
        assertRefused(customer.send(chunked), 400, "REQUEST_TOO_LARGE");
    }

    @Test
    void badPagingIsRefused() {
        assertRefused(api.get("/api/v1/wallets/" + source + "/entries?limit=0"), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/wallets/" + source + "/entries?limit=501"), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/wallets/" + source + "/entries?limit=abc"), 400, "VALIDATION_FAILED");
        assertRefused(api.get("/api/v1/wallets/" + source + "/entries?cursor=%25%25!"), 400, "INVALID_CURSOR");
        assertRefused(api.get("/api/v1/wallets/" + source + "/entries?cursor=bm9wZQ"), 400, "INVALID_CURSOR");
    }

    @Test
    void wrongRoutesMethodsAndMediaTypesAreRefused() {
        assertRefused(api.get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/transfers")).DELETE()), 405, "METHOD_NOT_ALLOWED");
        assertRefused(api.send(HttpRequest.newBuilder(api.uri("/api/v1/wallets"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello"))), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void noBadInputChangedTheLedger() {
        malformedAndMistypedBodiesAreRefused();
        missingFieldsAreRefused();
        badIdsAreRefused();
        badHeadersAreRefused();
        oversizedBodiesAreRefusedWhetherDeclaredOrStreamed();
        badAmountsAreRefused("12.345", "INVALID_AMOUNT");

        JsonNode entries = api.get("/api/v1/wallets/" + source + "/entries").json().path("items");
        assertThat(entries).hasSize(1);
        assertThat(api.available(source)).isEqualTo("100.00");
        assertThat(api.available(destination)).isEqualTo("0.00");
        assertThat(api.get("/api/v1/ledger/verify").json().path("balanced").asBoolean()).isTrue();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void pathsTheServerRefusesBeforeTheApplicationAreProblemsToo() {
        for (String path : new String[]{"/api/v1/admin/projections/%2e%2e%2fledger/replay", "/api/v1/wallets/abc%00def"}) {
            assertRefused(api.send(HttpRequest.newBuilder(api.uri(path)).GET()), 400, "MALFORMED_REQUEST");
        }
    }

    private static void assertRefused(Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isProblem()).as("content type " + response.contentType()).isTrue();
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
