package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One batch of the load's transfers ({@code --batch-size}, {@code POST /api/v1/transfers/batch}): its items, each a
 * transfer of {@link LoadRun#TRANSFER_AMOUNT} under a key of its own, and what the app's answers have said of them.
 * <p>
 * Each item's result is read as the single load reads the answer of a {@code POST /api/v1/transfers}: 201 (COMPLETED
 * or FAILED), 202 (REQUESTED) and 422 (refused, with the transfer's id) are recorded in the {@link Ledger} exactly as
 * that answer would be. An item is still open while it has no final answer: none yet, 202 (not done within the
 * batch's wait), a fault (5xx, which the app asks to repeat) or 409 {@code CONCURRENT_MODIFICATION} (its word for
 * "repeat with the same key"). The next send carries the open items only, under their keys, so that nothing is
 * carried out twice and each item ends with the answer that finished it.
 */
final class TransferBatch {

    static final String PATH = "/api/v1/transfers/batch";

    /** One transfer of the batch. */
    record Item(String idempotencyKey, String source, String destination) {

        String json() {
            return Client.transferBatchItemJson(idempotencyKey, source, destination, LoadRun.TRANSFER_AMOUNT,
                    Ledger.CURRENCY);
        }
    }

    private static final String CONCURRENT_MODIFICATION = "CONCURRENT_MODIFICATION";

    private final Ledger ledger;
    /** The items without a final answer, in the order the next send carries them, with why each is still open. */
    private final Map<Item, String> open = new LinkedHashMap<>();
    /** Each answered item's latest status, by its key. */
    private final Map<String, String> statuses = new LinkedHashMap<>();

    TransferBatch(List<Item> items, Ledger ledger) {
        this.ledger = ledger;
        items.forEach(item -> open.put(item, "not sent"));
    }

    /** The request's body: the open items, in order. */
    String body() {
        return "{\"items\":[" + String.join(",", open.keySet().stream().map(Item::json).toList()) + "]}";
    }

    /** Whether every item has a final answer. */
    boolean done() {
        return open.isEmpty();
    }

    /**
     * Reads the app's 200 to {@link #body()}: one result per item sent, in order. Records each in the ledger as the
     * single load records an answer, and keeps open those without a final one.
     *
     * @throws IllegalStateException if the answer does not hold one result per item sent, in their order: then no
     *                               item's outcome can be known from it
     */
    void read(Client.Answer answer) {
        List<Item> sent = new ArrayList<>(open.keySet());
        JsonNode results = answer.json().path("results");
        if (results.size() != sent.size()) {
            throw new IllegalStateException("a batch of %d items was answered with %d results: %s"
                    .formatted(sent.size(), results.size(), answer.body()));
        }
        for (int index = 0; index < sent.size(); index++) {
            Item item = sent.get(index);
            JsonNode result = results.get(index);
            if (result.path("index").asInt(-1) != index
                    || !item.idempotencyKey().equals(result.path("idempotencyKey").asText(null))) {
                throw new IllegalStateException("result %d of a batch is not that of its item %d (key %s): %s"
                        .formatted(index, index, item.idempotencyKey(), result));
            }
            readItem(item, result);
        }
    }

    private void readItem(Item item, JsonNode result) {
        int status = result.path("status").asInt();
        statuses.put(item.idempotencyKey(), Integer.toString(status));
        JsonNode transfer = result.path("transfer");
        JsonNode problem = result.path("problem");
        if (status == 201 || status == 202) {
            ledger.acknowledge(item.idempotencyKey(), new Ledger.Acknowledged(transfer.path("transferId").asText(null),
                    status, transfer.path("status").asText(null)));
        } else if (status == 422) {
            ledger.acknowledge(item.idempotencyKey(), new Ledger.Acknowledged(problem.path("transferId").asText(null),
                    status, problem.path("code").asText(null)));
        }
        String code = problem.path("code").asText(null);
        if (status == 202) {
            open.put(item, "202 followed up");
        } else if (status >= 500 || status == 409 && CONCURRENT_MODIFICATION.equals(code)) {
            open.put(item, code == null ? Integer.toString(status) : status + " " + code);
        } else {
            open.remove(item);
        }
    }

    /** Why the open items are sent again, each reason once: "items 202 followed up", "items 503 SERVICE_UNAVAILABLE". */
    String resendCause() {
        return "items " + String.join(" + ", new TreeSet<>(open.values()));
    }

    /** The latest status of each item the app answered; an item left open has the one that left it open. */
    Collection<String> itemStatuses() {
        return statuses.values();
    }
}
