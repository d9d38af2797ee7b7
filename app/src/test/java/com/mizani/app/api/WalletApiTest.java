package com.mizani.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WalletApiTest extends IntegrationTest {

    @Test
    void openedWalletIsActiveAndEmptyWithTheFullShape() {
        String owner = UUID.randomUUID().toString();
        Response opened = api.post("/api/v1/wallets", "{\"ownerId\":\"" + owner + "\",\"currency\":\"UGX\"}");

        assertThat(opened.status()).isEqualTo(201);
        String walletId = opened.text("walletId");
        assertThat(opened.location()).isEqualTo("/api/v1/wallets/" + walletId);
        JsonNode wallet = awaitWallet(walletId);
        assertThat(wallet.path("ownerId").asText()).isEqualTo(owner);
        assertThat(wallet.path("currency").asText()).isEqualTo("UGX");
        assertThat(wallet.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(wallet.path("available").asText()).isEqualTo("0");
        assertThat(wallet.path("held").asText()).isEqualTo("0");
        assertThat(wallet.path("total").asText()).isEqualTo("0");
        assertThat(wallet.path("version").asLong()).isZero();
    }

    @Test
    void depositCreditsTheWalletAgainstTheCashProviderSettlementAccount() {
        String walletId = api.openWallet("KES");

        Response deposit = api.deposit(walletId, "1250.50", "KES");

        assertThat(deposit.status()).isEqualTo(201);
        assertThat(deposit.text("status")).isEqualTo("SETTLED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode wallet = api.wallet(walletId);
            assertThat(wallet.path("available").asText()).isEqualTo("1250.50");
            assertThat(wallet.path("total").asText()).isEqualTo("1250.50");
        });
        JsonNode transaction = api.get("/api/v1/transactions/" + deposit.text("paymentId")).json();
        assertThat(transaction.path("balanced").asBoolean()).isTrue();
        assertThat(transaction.path("postings").findValuesAsText("account"))
                .containsExactly(walletId, "provider:cash:settlement:KES");
    }

    @Test
    void repeatedDepositWithTheSameKeyCreditsOnceAndAnswersTheSameBody() {
        String walletId = api.openWallet("KES");
        String body = "{\"walletId\":\"%s\",\"amount\":\"10.00\",\"currency\":\"KES\"}".formatted(walletId);

        Response first = api.post("/api/v1/deposits", body, "Idempotency-Key", "deposit-once");
        Response second = api.post("/api/v1/deposits", body, "Idempotency-Key", "deposit-once");
        Response otherPayload = api.post("/api/v1/deposits", body.replace("10.00", "11.00"), "Idempotency-Key", "deposit-once");

        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(otherPayload.status()).isEqualTo(409);
        assertThat(otherPayload.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(walletId)).isEqualTo("10.00"));
        assertThat(api.get("/api/v1/wallets/" + walletId + "/entries").json().path("items")).hasSize(1);
    }

    @Test
    void frozenWalletRefusesCreditsAndDebitsUntilUnfrozen() {
        String walletId = api.openWallet("KES");
        String other = api.openWallet("KES");
        api.deposit(walletId, "100.00", "KES");

        Response frozen = api.post("/api/v1/wallets/" + walletId + "/freeze", "");
        assertThat(frozen.status()).isEqualTo(200);
        assertThat(frozen.text("status")).isEqualTo("FROZEN");

        Response refusedDeposit = api.deposit(walletId, "5.00", "KES");
        assertThat(refusedDeposit.status()).isEqualTo(422);
        assertThat(refusedDeposit.code()).isEqualTo("WALLET_FROZEN");
        Response refusedTransfer = api.transfer(UUID.randomUUID().toString(), walletId, other, "5.00", "KES");
        assertThat(refusedTransfer.status()).isEqualTo(422);
        assertThat(refusedTransfer.code()).isEqualTo("WALLET_FROZEN");

        assertThat(api.post("/api/v1/wallets/" + walletId + "/unfreeze", "").text("status")).isEqualTo("ACTIVE");
        assertThat(api.deposit(walletId, "5.00", "KES").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(walletId)).isEqualTo("105.00"));
    }

    @Test
    void walletClosesOnlyAtZeroAndThenRefusesMoney() {
        String walletId = api.openWallet("KES");
        String other = api.openWallet("KES");
        api.deposit(walletId, "3.00", "KES");

        Response notEmpty = api.post("/api/v1/wallets/" + walletId + "/close", "");
        assertThat(notEmpty.status()).isEqualTo(422);
        assertThat(notEmpty.code()).isEqualTo("WALLET_NOT_EMPTY");

        assertThat(api.transfer(UUID.randomUUID().toString(), walletId, other, "3.00", "KES").status()).isEqualTo(201);
        Response closed = api.post("/api/v1/wallets/" + walletId + "/close", "");
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");

        Response refused = api.deposit(walletId, "1.00", "KES");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("WALLET_CLOSED");
        Response reopen = api.post("/api/v1/wallets/" + walletId + "/unfreeze", "");
        assertThat(reopen.code()).isEqualTo("WALLET_CLOSED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.wallet(walletId).path("status").asText()).isEqualTo("CLOSED"));
    }

    @Test
    void openingWithAnIdempotencyKeyReturnsTheSameWalletAndRefusesAnotherPayload() {
        String owner = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String body = "{\"ownerId\":\"" + owner + "\",\"currency\":\"KES\"}";

        Response first = api.post("/api/v1/wallets", body, "Idempotency-Key", key);
        Response again = api.post("/api/v1/wallets", body, "Idempotency-Key", key);
        Response other = api.post("/api/v1/wallets", body.replace("KES", "TZS"), "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void unknownWalletIsNotFoundForReadsAndStatusChanges() {
        String unknown = UUID.randomUUID().toString();

        for (Response response : new Response[]{
                api.get("/api/v1/wallets/" + unknown),
                api.get("/api/v1/wallets/" + unknown + "/entries"),
                api.post("/api/v1/wallets/" + unknown + "/freeze", ""),
                api.post("/api/v1/wallets/" + unknown + "/close", ""),
                api.deposit(unknown, "1.00", "KES")}) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.code()).isEqualTo("WALLET_NOT_FOUND");
        }
    }

    @Test
    void balanceAsOfAnInstantIsTheBalanceAfterTheLastEntryAtOrBeforeIt() {
        String walletId = api.openWallet("KES");
        for (String amount : new String[]{"10.00", "2.50", "0.75"}) {
            api.deposit(walletId, amount, "KES");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(walletId)).isEqualTo("13.25"));
        JsonNode entries = api.get("/api/v1/wallets/" + walletId + "/entries").json().path("items");

        for (JsonNode entry : entries) {
            Instant at = Instant.parse(entry.path("occurredAt").asText());
            String expected = null;
            for (JsonNode candidate : entries) {
                if (!Instant.parse(candidate.path("occurredAt").asText()).isAfter(at)) {
                    expected = candidate.path("balanceAfter").asText();
                }
            }
            assertThat(api.get("/api/v1/wallets/" + walletId + "/balance?asOf=" + at).text("balance")).isEqualTo(expected);
        }
        Instant beforeFirst = Instant.parse(entries.get(0).path("occurredAt").asText()).minusMillis(1);
        assertThat(api.get("/api/v1/wallets/" + walletId + "/balance?asOf=" + beforeFirst).text("balance")).isEqualTo("0.00");
        assertThat(api.get("/api/v1/wallets/" + walletId + "/balance").text("balance")).isEqualTo("13.25");

        Response bad = api.get("/api/v1/wallets/" + walletId + "/balance?asOf=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/api/v1/wallets/" + UUID.randomUUID() + "/balance").code()).isEqualTo("WALLET_NOT_FOUND");
    }

    private JsonNode awaitWallet(String walletId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/wallets/" + walletId).status() == 200);
        return api.wallet(walletId);
    }
}
