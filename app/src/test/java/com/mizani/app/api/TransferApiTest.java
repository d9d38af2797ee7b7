package com.mizani.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TransferApiTest extends IntegrationTest {

    @Test
    void completedTransferMovesMoneyThroughTransitAndIsVisibleInTheReadModel() {
        String source = funded("KES", "500.00");
        String destination = api.openWallet("KES");

        Response transfer = api.transfer(UUID.randomUUID().toString(), source, destination, "120.75", "KES");

        assertThat(transfer.status()).isEqualTo(201);
        assertThat(transfer.text("status")).isEqualTo("COMPLETED");
        String transferId = transfer.text("transferId");
        assertThat(transfer.location()).isEqualTo("/api/v1/transfers/" + transferId);
        awaitTransferStatus(transferId, "COMPLETED");
        awaitAvailable(source, "379.25");
        awaitAvailable(destination, "120.75");

        JsonNode transaction = api.get("/api/v1/transactions/" + transferId).json();
        assertThat(transaction.path("balanced").asBoolean()).isTrue();
        assertThat(transaction.path("postings").findValuesAsText("account"))
                .containsExactly(source, "transit:KES", destination, "transit:KES");
        assertThat(transaction.path("postings").findValuesAsText("direction"))
                .containsExactly("DEBIT", "CREDIT", "CREDIT", "DEBIT");

        JsonNode entries = api.get("/api/v1/wallets/" + destination + "/entries").json().path("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("kind").asText()).isEqualTo("TRANSFER_IN");
        assertThat(entries.get(0).path("balanceAfter").asText()).isEqualTo("120.75");
        assertThat(entries.get(0).path("contraAccount").asText()).isEqualTo("transit:KES");
        assertThat(entries.get(0).path("transactionId").asText()).isEqualTo(transferId);
    }

    @Test
    void insufficientFundsIsRefusedWith422AndMovesNothing() {
        String source = funded("KES", "50.00");
        String destination = api.openWallet("KES");

        Response refused = api.transfer(UUID.randomUUID().toString(), source, destination, "50.01", "KES");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_FUNDS");
        String transferId = refused.text("transferId");
        awaitTransferStatus(transferId, "REJECTED");
        assertThat(api.get("/api/v1/transfers/" + transferId).text("failureCode")).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(api.available(source)).isEqualTo("50.00");
        // The ledger and transfer views are separate processors: the destination's opening may still be on its way.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(destination)).isEqualTo("0.00"));
        assertThat(api.get("/api/v1/transactions/" + transferId).status()).isEqualTo(404);
    }

    @Test
    void frozenDestinationFailsTheTransferAndRefundsTheSource() {
        String source = funded("KES", "80.00");
        String destination = api.openWallet("KES");
        api.post("/api/v1/wallets/" + destination + "/freeze", "");

        Response failed = api.transfer(UUID.randomUUID().toString(), source, destination, "30.00", "KES");

        assertThat(failed.status()).isEqualTo(201);
        assertThat(failed.text("status")).isEqualTo("FAILED");
        assertThat(failed.text("failureCode")).isEqualTo("WALLET_FROZEN");
        assertThat(failed.text("failureReason")).contains("frozen");
        String transferId = failed.text("transferId");
        awaitTransferStatus(transferId, "FAILED");
        awaitAvailable(source, "80.00");
        // The destination was opened just before: the read model may not show it yet.
        awaitAvailable(destination, "0.00");
        JsonNode sourceEntries = api.get("/api/v1/wallets/" + source + "/entries").json().path("items");
        assertThat(sourceEntries.findValuesAsText("kind")).containsExactly("DEPOSIT", "TRANSFER_OUT", "REVERSAL");
        assertThat(api.get("/api/v1/transactions/" + transferId).json().path("balanced").asBoolean()).isTrue();
    }

    @Test
    void destinationOfAnotherCurrencyOrUnknownFailsWithARefund() {
        String source = funded("KES", "10.00");
        String dollars = api.openWallet("USD");

        Response otherCurrency = api.transfer(UUID.randomUUID().toString(), source, dollars, "1.00", "KES");
        Response unknown = api.transfer(UUID.randomUUID().toString(), source, UUID.randomUUID().toString(), "1.00", "KES");

        assertThat(otherCurrency.text("status")).isEqualTo("FAILED");
        assertThat(otherCurrency.text("failureCode")).isEqualTo("CURRENCY_MISMATCH");
        assertThat(unknown.text("status")).isEqualTo("FAILED");
        assertThat(unknown.text("failureCode")).isEqualTo("WALLET_NOT_FOUND");
        awaitAvailable(source, "10.00");
    }

    @Test
    void unknownSourceIsNotFoundAndSourceOfAnotherCurrencyIsRefused() {
        String destination = api.openWallet("KES");
        String shillings = funded("TZS", "10.00");

        Response unknown = api.transfer(UUID.randomUUID().toString(), UUID.randomUUID().toString(), destination, "1.00", "KES");
        Response mismatch = api.transfer(UUID.randomUUID().toString(), shillings, destination, "1.00", "KES");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("WALLET_NOT_FOUND");
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.code()).isEqualTo("CURRENCY_MISMATCH");
        assertThat(api.available(shillings)).isEqualTo("10.00");
    }

    @Test
    void missingIdempotencyKeyIsRefusedWith400() {
        String source = funded("KES", "10.00");
        String destination = api.openWallet("KES");

        Response missing = api.post("/api/v1/transfers", Api.transferJson(source, destination, "1.00", "KES"));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("IDEMPOTENCY_KEY_MISSING");
        assertThat(api.available(source)).isEqualTo("10.00");
    }

    @Test
    void repeatedRequestReturnsTheOriginalResponseAndAnotherPayloadConflicts() {
        String source = funded("KES", "100.00");
        String destination = api.openWallet("KES");
        String key = UUID.randomUUID().toString();

        Response first = api.transfer(key, source, destination, "40.00", "KES");
        Response repeat = api.transfer(key, source, destination, "40.00", "KES");
        Response otherPayload = api.transfer(key, source, destination, "41.00", "KES");

        assertThat(repeat.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(otherPayload.status()).isEqualTo(409);
        assertThat(otherPayload.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        awaitAvailable(destination, "40.00");
        assertThat(api.available(source)).isEqualTo("60.00");
    }

    @Test
    void repeatedRejectedRequestIsRejectedAgainWithTheSameProblem() {
        String source = funded("KES", "1.00");
        String destination = api.openWallet("KES");
        String key = UUID.randomUUID().toString();

        Response first = api.transfer(key, source, destination, "2.00", "KES");
        api.deposit(source, "5.00", "KES");
        Response repeat = api.transfer(key, source, destination, "2.00", "KES");

        assertThat(repeat.status()).isEqualTo(first.status()).isEqualTo(422);
        assertThat(repeat.body()).isEqualTo(first.body());
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMoveMoneyExactlyOnce() throws Exception {
        String source = funded("KES", "1000.00");
        String destination = api.openWallet("KES");
        String key = UUID.randomUUID().toString();
        int requests = 20;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return api.transfer(key, source, destination, "7.00", "KES");
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<Response> response : responses) {
                Response answered = response.get();
                assertThat(answered.status()).isEqualTo(201);
                bodies.add(answered.body());
            }
            assertThat(bodies).allMatch(bodies.getFirst()::equals);
        }
        awaitAvailable(destination, "7.00");
        assertThat(api.available(source)).isEqualTo("993.00");
        assertThat(api.get("/api/v1/wallets/" + destination + "/entries").json().path("items")).hasSize(1);
    }

    @Test
    void respondAsyncAnswers202WithALocationThatReachesTheFinalStatus() {
        String source = funded("KES", "10.00");
        String destination = api.openWallet("KES");

        Response accepted = api.post("/api/v1/transfers", Api.transferJson(source, destination, "4.00", "KES"),
                "Idempotency-Key", UUID.randomUUID().toString(), "Prefer", "respond-async");

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("status")).isEqualTo("REQUESTED");
        assertThat(accepted.location()).isEqualTo("/api/v1/transfers/" + accepted.text("transferId"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get(accepted.location()).text("status")).isEqualTo("COMPLETED"));
        awaitAvailable(destination, "4.00");
    }

    @Test
    void entriesArePagedWithAnOpaqueCursor() {
        String wallet = api.openWallet("KES");
        for (int i = 1; i <= 5; i++) {
            api.deposit(wallet, i + ".00", "KES");
        }
        awaitAvailable(wallet, "15.00");

        JsonNode first = api.get("/api/v1/wallets/" + wallet + "/entries?limit=2").json();
        JsonNode second = api.get("/api/v1/wallets/" + wallet + "/entries?limit=2&cursor=" + first.path("nextCursor").asText()).json();
        JsonNode third = api.get("/api/v1/wallets/" + wallet + "/entries?limit=2&cursor=" + second.path("nextCursor").asText()).json();

        assertThat(first.path("items").findValuesAsText("balanceAfter")).containsExactly("1.00", "3.00");
        assertThat(second.path("items").findValuesAsText("balanceAfter")).containsExactly("6.00", "10.00");
        assertThat(third.path("items").findValuesAsText("balanceAfter")).containsExactly("15.00");
        assertThat(third.path("nextCursor").isNull()).isTrue();
    }

    private String funded(String currency, String amount) {
        String wallet = api.openWallet(currency);
        assertThat(api.deposit(wallet, amount, currency).status()).isEqualTo(201);
        awaitAvailable(wallet, amount);
        return wallet;
    }

    private void awaitAvailable(String walletId, String amount) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(walletId)).isEqualTo(amount));
    }

    private void awaitTransferStatus(String transferId, String status) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api.get("/api/v1/transfers/" + transferId).text("status")).isEqualTo(status));
    }
}
