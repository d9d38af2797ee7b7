package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the load reads the answers to a batch of transfers: into the ledger as single answers, and what is left open. */
class TransferBatchTest {

    private final Ledger ledger = new Ledger(List.of("w0", "w1", "w2"));

    @Test
    void eachItemIsRecordedAsTheSingleLoadRecordsTheSameAnswerAndOnlyTheUnfinishedAreSentAgain() {
        List<TransferBatch.Item> items = List.of(item("k0"), item("k1"), item("k2"), item("k3"), item("k4"), item("k5"));
        TransferBatch batch = new TransferBatch(items, ledger);
        assertThat(keys(batch.body())).containsExactly("k0", "k1", "k2", "k3", "k4", "k5");

        batch.read(answer(
                done(0, "k0", "t0", "COMPLETED"),
                done(1, "k1", "t1", "FAILED"),
                problem(2, "k2", 422, "INSUFFICIENT_FUNDS", "\"t2\""),
                requested(3, "k3", "t3"),
                problem(4, "k4", 503, "SERVICE_UNAVAILABLE", "null"),
                problem(5, "k5", 400, "INVALID_AMOUNT", "null")));

        assertThat(ledger.acknowledged()).containsOnlyKeys("k0", "k1", "k2", "k3");
        assertThat(ledger.acknowledged().get("k0")).isEqualTo(new Ledger.Acknowledged("t0", 201, "COMPLETED"));
        assertThat(ledger.acknowledged().get("k1")).isEqualTo(new Ledger.Acknowledged("t1", 201, "FAILED"));
        assertThat(ledger.acknowledged().get("k2")).isEqualTo(new Ledger.Acknowledged("t2", 422, "INSUFFICIENT_FUNDS"));
        assertThat(ledger.acknowledged().get("k3")).isEqualTo(new Ledger.Acknowledged("t3", 202, "REQUESTED"));
        assertThat(batch.done()).isFalse();
        assertThat(batch.resendCause()).isEqualTo("items 202 followed up + 503 SERVICE_UNAVAILABLE");
        JsonNode resent = new Client.Answer(200, batch.body()).json().path("items");
        assertThat(keys(batch.body())).containsExactly("k3", "k4");
        assertThat(resent.get(0).path("sourceWalletId").asText()).isEqualTo("w1");
        assertThat(resent.get(0).path("amount").asText()).isEqualTo(LoadRun.TRANSFER_AMOUNT);

        // The follow-up's results are by the positions of the resent items.
        batch.read(answer(done(0, "k3", "t3", "COMPLETED"), done(1, "k4", "t4", "COMPLETED")));

        assertThat(batch.done()).isTrue();
        assertThat(ledger.acknowledged().get("k3")).isEqualTo(new Ledger.Acknowledged("t3", 201, "COMPLETED"));
        assertThat(batch.itemStatuses()).containsExactly("201", "201", "422", "201", "201", "400");
    }

    @Test
    void aConcurrentModificationIsSentAgainButAKeyUsedForAnotherTransferIsFinal() {
        TransferBatch batch = new TransferBatch(List.of(item("k0"), item("k1")), ledger);

        batch.read(answer(problem(0, "k0", 409, "CONCURRENT_MODIFICATION", "null"),
                problem(1, "k1", 409, "IDEMPOTENCY_KEY_REUSED", "null")));

        assertThat(batch.resendCause()).isEqualTo("items 409 CONCURRENT_MODIFICATION");
        assertThat(keys(batch.body())).containsExactly("k0");
        assertThat(ledger.acknowledged()).isEmpty();
    }

    @Test
    void anAnswerThatDoesNotHoldOneResultPerItemInOrderIsRefused() {
        TransferBatch batch = new TransferBatch(List.of(item("k0"), item("k1")), ledger);

        assertThatThrownBy(() -> batch.read(answer(done(0, "k0", "t0", "COMPLETED"))))
                .hasMessageContaining("2 items was answered with 1 results");
        assertThatThrownBy(() -> batch.read(answer(done(0, "k1", "t1", "COMPLETED"), done(1, "k0", "t0", "COMPLETED"))))
                .hasMessageContaining("key k0");
        assertThat(ledger.acknowledged()).isEmpty();
    }

    private static TransferBatch.Item item(String key) {
        return new TransferBatch.Item(key, "w1", "w2");
    }

    private static List<String> keys(String body) {
        List<String> keys = new ArrayList<>();
        new Client.Answer(200, body).json().path("items").forEach(item -> keys.add(item.path("idempotencyKey").asText()));
        return keys;
    }

    private static Client.Answer answer(String... results) {
        return new Client.Answer(200, "{\"results\":[" + String.join(",", results) + "],\"summary\":{}}");
    }

    private static String done(int index, String key, String transferId, String status) {
        return ("{\"index\":%d,\"idempotencyKey\":\"%s\",\"status\":201,\"location\":\"/api/v1/transfers/%s\","
                + "\"transfer\":{\"transferId\":\"%s\",\"status\":\"%s\"},\"problem\":null}")
                .formatted(index, key, transferId, transferId, status);
    }

    private static String requested(int index, String key, String transferId) {
        return ("{\"index\":%d,\"idempotencyKey\":\"%s\",\"status\":202,\"location\":\"/api/v1/transfers/%s\","
                + "\"transfer\":{\"transferId\":\"%s\",\"status\":\"REQUESTED\"},\"problem\":null}")
                .formatted(index, key, transferId, transferId);
    }

    private static String problem(int index, String key, int status, String code, String transferId) {
        return ("{\"index\":%d,\"idempotencyKey\":\"%s\",\"status\":%d,\"location\":null,\"transfer\":null,"
                + "\"problem\":{\"status\":%d,\"code\":\"%s\",\"transferId\":%s}}")
                .formatted(index, key, status, status, code, transferId);
    }
}
