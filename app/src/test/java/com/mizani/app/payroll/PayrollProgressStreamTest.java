package com.mizani.app.payroll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.EventStream;
import com.mizani.app.support.EventStream.Event;
import com.mizani.app.support.IntegrationTest;
import com.mizani.kernel.payroll.FindPayrollJobProgressQuery;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payroll job's progress stream over real HTTP: the job now, then the job after each projection batch (its progress
 * while it stays RUNNING, not an event per item), the final status last, after which the server closes the stream and
 * no subscription query is left open.
 */
class PayrollProgressStreamTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Six batches of mizani.payroll.batch-items (100). */
    private static final int ITEMS = 600;

    @Autowired
    private QueryUpdateEmitter updates;

    @Test
    void aRunningJobStreamsItsProgressBatchByBatchThenItsFinalStatusAndEnds() {
        String jobId = createdJob(ITEMS);
        List<Event> events = new ArrayList<>();

        try (EventStream stream = EventStream.open(api, "/api/v1/payroll/jobs/" + jobId + "/events")) {
            events.add(stream.next(WAIT));
            assertThat(approver().post("/api/v1/payroll/jobs/" + jobId + "/approve", "{}").status()).isEqualTo(200);
            events.addAll(stream.untilEnd(WAIT));

            assertThat(stream.response(WAIT).headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
        }

        assertThat(events.getFirst().name()).isEqualTo("PENDING_APPROVAL");
        assertThat(events.getLast().name()).isEqualTo("COMPLETED");
        List<Event> running = events.subList(1, events.size() - 1);
        assertThat(running).extracting(Event::name).containsOnly("RUNNING");
        List<Integer> processed = running.stream().map(event -> event.json().path("processedItems").asInt()).toList();
        assertThat(processed).as("processedItems of the RUNNING events").hasSizeGreaterThanOrEqualTo(3)
                .isSorted().doesNotHaveDuplicates().anyMatch(count -> count > 0 && count < ITEMS);
        running.forEach(event -> assertThat(event.json().path("progress").asText())
                .isEqualTo(event.json().path("processedItems").asInt() + "/" + ITEMS));
        // At most one event a projection batch: the approval, six paid batches and the completion are 8 events.
        assertThat(events).hasSizeLessThanOrEqualTo(1 + 8);
        assertThat(events).extracting(event -> Long.parseLong(event.id())).isSorted().doesNotHaveDuplicates();
        // The data is the job exactly as its GET answers it.
        JsonNode completed = events.getLast().json();
        assertThat(completed.path("processedItems").asInt()).isEqualTo(ITEMS);
        assertThat(completed.path("progress").asText()).isEqualTo(ITEMS + "/" + ITEMS);
        assertThat(completed).isEqualTo(api.get("/api/v1/payroll/jobs/" + jobId).json());
        awaitSubscriptions(new FindPayrollJobProgressQuery(UUID.fromString(jobId)), 0);
    }

    @Test
    void aFinishedJobsStreamSendsItsFinalStatusAndEnds() {
        String jobId = createdJob(1);
        assertThat(api.post("/api/v1/payroll/jobs/" + jobId + "/cancel", "").status()).isEqualTo(200);

        try (EventStream stream = EventStream.open(api, "/api/v1/payroll/jobs/" + jobId + "/events")) {
            List<Event> events = stream.untilEnd(WAIT);

            assertThat(events).extracting(Event::name).containsExactly("CANCELLED");
            assertThat(events.getFirst().json()).isEqualTo(api.get("/api/v1/payroll/jobs/" + jobId).json());
        }
        awaitSubscriptions(new FindPayrollJobProgressQuery(UUID.fromString(jobId)), 0);
    }

    @Test
    void anUnknownJobIs404AndLeavesNoSubscription() throws Exception {
        UUID jobId = UUID.randomUUID();

        try (EventStream stream = EventStream.open(api, "/api/v1/payroll/jobs/" + jobId + "/events")) {
            HttpResponse<Stream<String>> answer = stream.response(WAIT);

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(stream.body(WAIT)).path("code").asText()).isEqualTo("PAYROLL_JOB_NOT_FOUND");
        }
        awaitSubscriptions(new FindPayrollJobProgressQuery(jobId), 0);
    }

    /** A job of {@code items} items of 1.00 to three wallets, waiting for approval. */
    private String createdJob(int items) {
        String source = api.openWallet("KES");
        assertThat(api.deposit(source, items + ".00", "KES").status()).isEqualTo(201);
        List<String> employees = List.of(api.openWallet("KES"), api.openWallet("KES"), api.openWallet("KES"));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            lines.add("{\"reference\":\"EMP-%d\",\"amount\":\"1.00\",\"currency\":\"KES\",\"walletId\":\"%s\"}"
                    .formatted(i, employees.get(i % employees.size())));
        }
        Api.Response created = api.post("/api/v1/payroll/jobs", "{\"sourceWalletId\":\"%s\",\"name\":\"live\",\"items\":[%s]}"
                .formatted(source, String.join(",", lines)), "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.text("jobId");
    }

    private Api approver() {
        return api.asClient("payroll-stream-approver", List.of("approver"), null);
    }

    /** Waits until exactly {@code count} subscription queries are open for {@code query}. */
    private void awaitSubscriptions(Object query, long count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.activeSubscriptions().stream()
                .filter(subscription -> query.equals(subscription.getPayload()))
                .count() == count);
    }
}
