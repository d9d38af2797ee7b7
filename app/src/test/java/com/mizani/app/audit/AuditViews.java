package com.mizani.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reads the audit endpoints the way an auditor's tool would. */
public final class AuditViews {

    private AuditViews() {
    }

    /** Waits until the audit record at {@code path} exists and satisfies {@code complete}, and returns it. */
    public static JsonNode awaitRecord(Api api, String path, Predicate<JsonNode> complete) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Api.Response response = api.get(path);
            return response.status() == 200 ? response.json() : null;
        }, record -> record != null && complete.test(record));
    }

    public static List<JsonNode> entries(JsonNode record) {
        return StreamSupport.stream(record.path("entries").spliterator(), false).toList();
    }

    public static List<String> types(JsonNode record) {
        return entries(record).stream().map(entry -> entry.path("type").asText()).toList();
    }

    public static JsonNode only(JsonNode record, String type) {
        List<JsonNode> found = entries(record).stream().filter(entry -> type.equals(entry.path("type").asText())).toList();
        assertThat(found).as(type + " in " + types(record)).hasSize(1);
        return found.getFirst();
    }

    /** Every entry once, in the global order. */
    public static void assertEachEventOnceInOrder(List<JsonNode> entries) {
        List<String> ids = entries.stream().map(entry -> entry.path("eventId").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().doesNotContain("");
        List<Long> positions = entries.stream().map(entry -> entry.path("position").asLong()).toList();
        assertThat(positions).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    /** The wallet's whole audit trail, page by page, following the cursors. */
    public static List<JsonNode> walletTrail(Api api, String walletId, int pageSize) {
        List<JsonNode> trail = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/audit/wallets/" + walletId + "?limit=" + pageSize
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode items = page.json().path("items");
            assertThat(items.size()).isLessThanOrEqualTo(pageSize);
            items.forEach(trail::add);
            cursor = page.json().path("nextCursor").asText(null);
        } while (cursor != null);
        return trail;
    }
}
