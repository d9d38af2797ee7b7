package com.mizani.app.fx;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.command.fx.rates.SimulatorFault;
import com.mizani.command.fx.rates.SimulatorFaultKnob;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mizani.app.audit.AuditViews.awaitRecord;
import static com.mizani.app.audit.AuditViews.only;
import static com.mizani.app.audit.AuditViews.types;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cross-currency transfers on FX quotes, over HTTP against the embedded rate simulator: a quote locks a price for its
 * principal, a transfer on it moves exactly the quoted amounts through the FX liquidity accounts with the fee to FX
 * revenue, every posting names the quote and rate, each currency still sums to zero, and a quote is used once.
 */
class FxTransferTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SimulatorFaultKnob faults;

    private Api.Response quote(Api as, String key, String from, String to, String field, String amount) {
        return as.post("/api/v1/fx/quotes", """
                {"fromCurrency":"%s","toCurrency":"%s","%s":"%s"}""".formatted(from, to, field, amount),
                "Idempotency-Key", key);
    }

    private Api.Response transferOnQuote(Api as, String key, String source, String destination, String amount,
                                         String currency, String quoteId) {
        return as.post("/api/v1/transfers", """
                {"sourceWalletId":"%s","destinationWalletId":"%s","amount":"%s","currency":"%s","fxQuoteId":"%s"}"""
                .formatted(source, destination, amount, currency, quoteId), "Idempotency-Key", key);
    }

    private String funded(String currency, String amount) {
        String wallet = api.openWallet(currency);
        assertThat(api.deposit(wallet, amount, currency).status()).isEqualTo(201);
        return wallet;
    }

    @Test
    void aQuoteLocksAPriceForItsPrincipalOnly() {
        String key = UUID.randomUUID().toString();
        Api.Response quote = quote(api, key, "KES", "USD", "fromAmount", "1000.00");

        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        JsonNode body = quote.json();
        String quoteId = body.path("quoteId").asText();
        assertThat(quote.location()).isEqualTo("/api/v1/fx/quotes/" + quoteId);
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("fromAmount").asText()).isEqualTo("1000.00");
        assertThat(body.path("fromCurrency").asText()).isEqualTo("KES");
        assertThat(body.path("toCurrency").asText()).isEqualTo("USD");
        assertThat(body.path("feeCurrency").asText()).isEqualTo("KES");
        assertThat(body.path("rate").asText()).matches("\\d+\\.\\d{8}");
        assertThat(body.path("secondsRemaining").asLong()).isBetween(55L, 60L);
        assertThat(new BigDecimal(body.path("fee").asText())).isPositive();
        // What the destination receives is what the converted amount is worth at the rate, rounded down.
        BigDecimal converted = new BigDecimal("1000.00").subtract(new BigDecimal(body.path("fee").asText()));
        BigDecimal worth = converted.multiply(new BigDecimal(body.path("rate").asText()));
        assertThat(new BigDecimal(body.path("toAmount").asText()))
                .isLessThanOrEqualTo(worth).isGreaterThan(worth.subtract(new BigDecimal("0.01")));

        Api.Response read = api.get("/api/v1/fx/quotes/" + quoteId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("toAmount").asText()).isEqualTo(body.path("toAmount").asText());
        assertThat(read.json().path("rate").asText()).isEqualTo(body.path("rate").asText());

        Api.Response repeat = quote(api, key, "KES", "USD", "fromAmount", "1000.00");
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.text("quoteId")).isEqualTo(quoteId);
        assertThat(repeat.text("expiresAt")).isEqualTo(body.path("expiresAt").asText());
        Api.Response reused = quote(api, key, "KES", "USD", "fromAmount", "999.00");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Api stranger = api.asClient("fx-stranger", List.of("service"), null);
        Api.Response hidden = stranger.get("/api/v1/fx/quotes/" + quoteId);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("QUOTE_NOT_FOUND");
    }

    @Test
    void aQuoteByDestinationAmountDeliversExactlyThatAmount() {
        Api.Response quote = quote(api, UUID.randomUUID().toString(), "USD", "KWD", "toAmount", "12.345");
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        assertThat(quote.text("toAmount")).isEqualTo("12.345");
        String source = funded("USD", "1000.00");
        String destination = api.openWallet("KWD");

        Api.Response transfer = transferOnQuote(api, UUID.randomUUID().toString(), source, destination,
                quote.text("fromAmount"), "USD", quote.text("quoteId"));

        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        assertThat(api.available(destination)).isEqualTo("12.345");
    }

    @Test
    void aTransferOnAQuoteMovesExactlyTheQuotedAmountsAndEveryCurrencyStillSumsToZero() {
        String source = funded("KES", "5000.00");
        String destination = api.openWallet("USD");
        Api.Response quote = quote(api, UUID.randomUUID().toString(), "KES", "USD", "fromAmount", "1500.00");
        String quoteId = quote.text("quoteId");

        Api.Response transfer = transferOnQuote(api, UUID.randomUUID().toString(), source, destination, "1500.00",
                "KES", quoteId);

        assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
        assertThat(transfer.text("status")).isEqualTo("COMPLETED");
        JsonNode fx = transfer.json().path("fx");
        assertThat(fx.path("quoteId").asText()).isEqualTo(quoteId);
        assertThat(fx.path("rate").asText()).isEqualTo(quote.text("rate"));
        assertThat(fx.path("fee").asText()).isEqualTo(quote.text("fee"));
        assertThat(fx.path("destinationAmount").asText()).isEqualTo(quote.text("toAmount"));
        assertThat(api.available(source)).isEqualTo("3500.00");
        assertThat(api.available(destination)).isEqualTo(quote.text("toAmount"));

        String transferId = transfer.text("transferId");
        Api.Response read = api.get("/api/v1/transfers/" + transferId);
        assertThat(read.json().path("fx").path("destinationAmount").asText()).isEqualTo(quote.text("toAmount"));
        Api.Response used = api.get("/api/v1/fx/quotes/" + quoteId);
        assertThat(used.text("status")).isEqualTo("USED");
        assertThat(used.text("transferId")).isEqualTo(transferId);
        assertThat(used.json().path("secondsRemaining").asLong()).isZero();

        // Every posting names the quote and rate; the source currency's legs go to liquidity and revenue.
        List<Map<String, Object>> postings = jdbc.sql("""
                        SELECT account, currency, direction, amount_minor, fx_quote_id::text AS quote, fx_rate
                        FROM ledger_entry WHERE transaction_id = ?""").param(UUID.fromString(transferId))
                .query().listOfRows();
        assertThat(postings).hasSize(6);
        assertThat(postings).allSatisfy(posting -> {
            assertThat(posting.get("quote")).isEqualTo(quoteId);
            assertThat(posting.get("fx_rate")).isEqualTo(quote.text("rate"));
        });
        assertThat(postings).extracting(posting -> posting.get("account"))
                .contains("fx:liquidity:KES", "fx:liquidity:USD", "fx:revenue:KES");
        JsonNode transaction = api.get("/api/v1/transactions/" + transferId).json();
        assertThat(transaction.path("balanced").asBoolean()).isTrue();
        assertThat(transaction.path("postings")).hasSize(6).allSatisfy(posting -> {
            assertThat(posting.path("fxQuoteId").asText()).isEqualTo(quoteId);
            assertThat(posting.path("fxRate").asText()).isEqualTo(quote.text("rate"));
        });
        for (String currency : List.of("KES", "USD")) {
            long sum = postings.stream().filter(posting -> currency.equals(posting.get("currency")))
                    .mapToLong(posting -> ("CREDIT".equals(posting.get("direction")) ? 1 : -1)
                            * ((Number) posting.get("amount_minor")).longValue())
                    .sum();
            assertThat(sum).as(currency).isZero();
        }

        // The audit shows the price: the rate, when the quote was issued, and who used it when.
        JsonNode record = awaitRecord(api, "/api/v1/audit/transfers/" + transferId,
                view -> "COMPLETED".equals(view.path("status").asText()));
        assertThat(types(record)).contains("TransferRequested", "FxQuoteUsed", "TransferConverted", "TransferCompleted");
        JsonNode converted = only(record, "TransferConverted").path("details");
        assertThat(converted.path("terms").path("rate").asText()).isEqualTo(quote.text("rate"));
        assertThat(converted.path("quoteIssuedAt").asText()).isNotBlank();
        JsonNode consumed = only(record, "FxQuoteUsed");
        assertThat(consumed.path("actor").asText()).isEqualTo("client:" + api.defaultNamespace());
        assertThat(consumed.path("at").asText()).isNotBlank();
    }

    @Test
    void aQuoteIsUsedOnceAndOfTwoTransfersRacingOnItExactlyOneWins() throws Exception {
        String source = funded("KES", "5000.00");
        String destination = api.openWallet("USD");
        Api.Response quote = quote(api, UUID.randomUUID().toString(), "KES", "USD", "fromAmount", "100.00");
        String quoteId = quote.text("quoteId");

        List<Future<Api.Response>> racers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                racers.add(clients.submit(() -> {
                    start.await();
                    return transferOnQuote(api, UUID.randomUUID().toString(), source, destination, "100.00", "KES", quoteId);
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Response> racer : racers) {
            Api.Response answer = racer.get();
            statuses.add(answer.status());
            if (answer.status() != 201) {
                assertThat(answer.code()).as(answer.body()).isEqualTo("QUOTE_USED");
            }
        }
        assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(api.available(source)).isEqualTo("4900.00");
        assertThat(api.available(destination)).isEqualTo(quote.text("toAmount"));
    }

    @Test
    void aTransferThatDoesNotMatchItsQuoteMovesNothingAndLeavesTheQuoteUsable() {
        String source = funded("KES", "500.00");
        String usd = api.openWallet("USD");
        String kes = api.openWallet("KES");
        Api.Response quote = quote(api, UUID.randomUUID().toString(), "KES", "USD", "fromAmount", "100.00");
        String quoteId = quote.text("quoteId");
        Api stranger = api.asClient("fx-other-service", List.of("service"), null);

        Map<String, Api.Response> refusals = Map.of(
                "another amount", transferOnQuote(api, UUID.randomUUID().toString(), source, usd, "99.00", "KES", quoteId),
                "a destination in another currency",
                transferOnQuote(api, UUID.randomUUID().toString(), source, kes, "100.00", "KES", quoteId),
                "another principal",
                transferOnQuote(stranger, UUID.randomUUID().toString(), source, usd, "100.00", "KES", quoteId));
        refusals.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(422);
            assertThat(answer.code()).as(what).isEqualTo("QUOTE_MISMATCH");
            assertThat(answer.isProblem()).isTrue();
        });
        Api.Response tooPoor = api.post("/api/v1/fx/quotes", """
                {"fromCurrency":"KES","toCurrency":"USD","fromAmount":"600.00"}""", "Idempotency-Key",
                UUID.randomUUID().toString());
        Api.Response unpaid = transferOnQuote(api, UUID.randomUUID().toString(), source, usd, "600.00", "KES",
                tooPoor.text("quoteId"));
        assertThat(unpaid.status()).isEqualTo(422);
        assertThat(unpaid.code()).isEqualTo("INSUFFICIENT_FUNDS");
        Api.Response unknown = transferOnQuote(api, UUID.randomUUID().toString(), source, usd, "100.00", "KES",
                UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("QUOTE_NOT_FOUND");

        assertThat(api.available(source)).isEqualTo("500.00");
        assertThat(api.wallet(source).path("held").asText()).isEqualTo("0.00");
        assertThat(api.available(usd)).isEqualTo("0.00");
        assertThat(api.get("/api/v1/fx/quotes/" + quoteId).text("status")).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/fx/quotes/" + tooPoor.text("quoteId")).text("status")).isEqualTo("ACTIVE");
        Api.Response matching = transferOnQuote(api, UUID.randomUUID().toString(), source, usd, "100.00", "KES", quoteId);
        assertThat(matching.status()).as(matching.body()).isEqualTo(201);
    }

    @Test
    void whileTheRateSourceIsDownOrStaleAQuoteIsRefusedNeverPricedOnAnOldRate() throws Exception {
        try {
            for (SimulatorFault fault : List.of(SimulatorFault.OUTAGE, SimulatorFault.STALE)) {
                faults.set(fault);
                HttpResponse<String> refused = HttpClient.newHttpClient().send(api.authorize(HttpRequest.newBuilder(
                                api.uri("/api/v1/fx/quotes")))
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"10.00\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(fault + ": " + refused.body()).isEqualTo(503);
                assertThat(refused.body()).contains("\"code\":\"FX_UNAVAILABLE\"");
                assertThat(refused.headers().firstValue("Retry-After")).as(fault.name()).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
            }
        } finally {
            faults.set(SimulatorFault.NONE);
        }
        assertThat(quote(api, UUID.randomUUID().toString(), "KES", "USD", "fromAmount", "10.00").status()).isEqualTo(201);
    }

    @Test
    void badQuoteRequestsAreRefusedWithStableCodes() {
        Map<String, String> cases = Map.of(
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"KES\",\"fromAmount\":\"1.00\"}", "FX_PAIR_UNSUPPORTED",
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"1.00\",\"toAmount\":\"1.00\"}", "VALIDATION_FAILED",
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\"}", "VALIDATION_FAILED",
                "{\"fromCurrency\":\"XYZ\",\"toCurrency\":\"USD\",\"fromAmount\":\"1.00\"}", "UNKNOWN_CURRENCY",
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"0\"}", "INVALID_AMOUNT",
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"-5.00\"}", "INVALID_AMOUNT",
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"1.001\"}", "INVALID_AMOUNT",
                "{\"fromCurrency\":\"UGX\",\"toCurrency\":\"KWD\",\"fromAmount\":\"1\"}", "AMOUNT_TOO_SMALL",
                "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"999999999999999.00\"}", "AMOUNT_OUT_OF_RANGE");
        cases.forEach((body, code) -> {
            Api.Response answer = api.post("/api/v1/fx/quotes", body, "Idempotency-Key", UUID.randomUUID().toString());
            assertThat(answer.status()).as(body + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.code()).as(body).isEqualTo(code);
            assertThat(answer.isProblem()).isTrue();
        });
        Api.Response keyless = api.post("/api/v1/fx/quotes", "{\"fromCurrency\":\"KES\",\"toCurrency\":\"USD\",\"fromAmount\":\"1.00\"}");
        assertThat(keyless.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
    }
}
