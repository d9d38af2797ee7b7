package com.mizani.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Callbacks;
import com.mizani.app.support.EventStream;
import com.mizani.app.support.EventStream.Event;
import com.mizani.app.support.PaymentTestSupport;
import com.mizani.kernel.idempotency.IdempotencyKeys;
import com.mizani.kernel.payment.FindPaymentStatusQuery;
import com.mizani.kernel.transfer.FindTransferStatusQuery;
import com.mizani.providersim.Faults;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live status streams over real HTTP: one event per status change in order, the stream closed by the server
 * after a final status, and no subscription query left open behind any stream.
 */
class LiveStatusTest extends PaymentTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private QueryUpdateEmitter updates;

    @Test
    void aCompletedTransferStreamsRequestedThenCompletedAndEnds() {
        String source = fundedKesWallet("100.00");
        String destination = api.openWallet("KES");
        String key = UUID.randomUUID().toString();
        UUID transferId = IdempotencyKeys.deriveId("transfer", api.defaultNamespace(), key);
        FindTransferStatusQuery query = new FindTransferStatusQuery(transferId);

        try (EventStream stream = EventStream.open(api, "/api/v1/transfers/" + transferId + "/events")) {
            // Opened before the transfer exists: the stream waits for its first status instead of answering 404.
            awaitSubscriptions(query, 1);
            assertThat(api.transfer(key, source, destination, "25.00", "KES").status()).isEqualTo(201);

            List<Event> events = stream.untilEnd(WAIT);

            assertThat(stream.response(WAIT).headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            assertThat(events).extracting(Event::name).containsExactly("REQUESTED", "COMPLETED");
            JsonNode completed = events.get(1).json();
            assertThat(completed.path("transferId").asText()).isEqualTo(transferId.toString());
            assertThat(completed.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(completed.path("at").asText()).isNotBlank();
            assertThat(events.get(0).json().path("final").asBoolean()).isFalse();
            assertThat(completed.path("final").asBoolean()).isTrue();
            assertThat(Long.parseLong(events.get(1).id())).isGreaterThan(Long.parseLong(events.get(0).id()));
        }
        awaitSubscriptions(query, 0);
    }

    @Test
    void aFailedTransferStreamsItsFailureAndEnds() {
        String source = fundedKesWallet("100.00");
        String destination = api.openWallet("KES");
        api.post("/api/v1/wallets/" + destination + "/freeze", "");
        String key = UUID.randomUUID().toString();
        UUID transferId = IdempotencyKeys.deriveId("transfer", api.defaultNamespace(), key);
        FindTransferStatusQuery query = new FindTransferStatusQuery(transferId);

        try (EventStream stream = EventStream.open(api, "/api/v1/transfers/" + transferId + "/events")) {
            awaitSubscriptions(query, 1);
            assertThat(api.transfer(key, source, destination, "30.00", "KES").text("status")).isEqualTo("FAILED");

            List<Event> events = stream.untilEnd(WAIT);

            assertThat(events).extracting(Event::name).containsExactly("REQUESTED", "FAILED");
            assertThat(events.get(1).json().path("failureCode").asText()).isEqualTo("WALLET_FROZEN");
            assertThat(events.get(1).json().path("failureReason").asText()).contains("frozen");
        }
        awaitSubscriptions(query, 0);
    }

    @Test
    void aStreamOnAFinishedTransferSendsItsFinalStatusAndEnds() {
        String source = fundedKesWallet("100.00");
        String destination = api.openWallet("KES");
        String transferId = api.transfer(UUID.randomUUID().toString(), source, destination, "10.00", "KES").text("transferId");
        await().atMost(WAIT).until(() -> "COMPLETED".equals(api.get("/api/v1/transfers/" + transferId).text("status")));

        try (EventStream stream = EventStream.open(api, "/api/v1/transfers/" + transferId + "/events")) {
            List<Event> events = stream.untilEnd(WAIT);

            assertThat(stream.response(WAIT).statusCode()).isEqualTo(200);
            assertThat(events).extracting(Event::name).containsExactly("COMPLETED");
        }
        awaitSubscriptions(new FindTransferStatusQuery(UUID.fromString(transferId)), 0);
    }

    @Test
    void aSettledPayoutStreamsItsLifecycleAndEnds() {
        String wallet = fundedKesWallet("1000.00");
        String key = UUID.randomUUID().toString();
        UUID paymentId = IdempotencyKeys.deriveId("withdrawal", api.defaultNamespace(), key);
        FindPaymentStatusQuery query = new FindPaymentStatusQuery(paymentId);

        try (EventStream stream = EventStream.open(api, "/api/v1/payments/" + paymentId + "/events")) {
            awaitSubscriptions(query, 1);
            assertThat(withdraw(key, wallet, "100", MSISDN).status()).isEqualTo(202);

            List<Event> events = stream.untilEnd(WAIT);

            // The provider's result callback may overtake its acknowledgement; then the payout never shows SUBMITTED.
            assertThat(events).extracting(Event::name).isIn(
                    List.of("REQUESTED", "RESERVED", "SUBMITTED", "SETTLED"),
                    List.of("REQUESTED", "RESERVED", "SETTLED"));
            JsonNode settled = events.getLast().json();
            assertThat(settled.path("paymentId").asText()).isEqualTo(paymentId.toString());
            assertThat(settled.path("receipt").asText()).isNotBlank();
        }
        awaitSubscriptions(query, 0);
    }

    @Test
    void manualReviewKeepsTheStreamOpenUntilTheOperatorDecidesAndAClientThatLeavesIsUnsubscribed() {
        faults(Faults.NONE.withLostCallbackRate(1.0));
        String wallet = fundedKesWallet("1000.00");
        String paymentId = withdraw(wallet, "100").text("paymentId");
        FindPaymentStatusQuery query = new FindPaymentStatusQuery(UUID.fromString(paymentId));
        // Correctly signed, but for 900 shillings instead of 100: the payout goes to an operator.
        String body = Callbacks.b2cSuccess(paymentId, 900, MSISDN);
        assertThat(Callbacks.post(api, "/b2c/result", body, Callbacks.sign(body, Callbacks.SECRET)).status()).isEqualTo(200);
        awaitStatus(paymentId, "MANUAL_REVIEW");

        try (EventStream watching = EventStream.open(api, "/api/v1/payments/" + paymentId + "/events");
             EventStream leaving = EventStream.open(api, "/api/v1/payments/" + paymentId + "/events")) {
            assertThat(watching.next(WAIT).name()).isEqualTo("MANUAL_REVIEW");
            assertThat(leaving.next(WAIT).name()).isEqualTo("MANUAL_REVIEW");

            leaving.close();
            awaitSubscriptions(query, 1);

            assertThat(resolveUnderFourEyes(paymentId, "{\"outcome\":\"PAID\",\"reason\":\"statement shows KES 100\"}")
                    .status()).isEqualTo(200);
            assertThat(watching.untilEnd(WAIT)).extracting(Event::name).containsExactly("SETTLED");
        }
        awaitSubscriptions(query, 0);
    }

    @Test
    void malformedIdsAreRefusedWith400() throws Exception {
        for (String path : List.of("/api/v1/transfers/not-a-uuid/events", "/api/v1/payments/12345/events")) {
            try (EventStream stream = EventStream.open(api, path)) {
                HttpResponse<Stream<String>> answer = stream.response(WAIT);
                assertThat(answer.statusCode()).as(path).isEqualTo(400);
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(JSON.readTree(stream.body(WAIT)).path("code").asText()).isEqualTo("INVALID_ID");
            }
        }
    }

    @Test
    void anIdUnknownAfterTheWaitIs404AndLeavesNoSubscription() throws Exception {
        UUID transferId = UUID.randomUUID();

        try (EventStream stream = EventStream.open(api, "/api/v1/transfers/" + transferId + "/events")) {
            HttpResponse<Stream<String>> answer = stream.response(WAIT);

            assertThat(answer.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(stream.body(WAIT)).path("code").asText()).isEqualTo("TRANSFER_NOT_FOUND");
        }
        awaitSubscriptions(new FindTransferStatusQuery(transferId), 0);
    }

    /** Waits until exactly {@code count} subscription queries are open for {@code query}. */
    private void awaitSubscriptions(Object query, long count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> updates.activeSubscriptions().stream()
                .filter(subscription -> query.equals(subscription.getPayload()))
                .count() == count);
    }
}
