package com.mizani.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.WebhookReceiver;
import com.mizani.app.support.WebhookReceiver.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Failing receivers: retried on the schedule (here 200 ms, 400 ms, 800 ms, 1.6 s, 3.2 s: six attempts), every attempt
 * in the log, dead-lettered after the last, and an endpoint failing for longer than disable-after (4 s) disabled.
 */
class WebhookRetryTest extends WebhookTestSupport {

    @Test
    void aDeliveryIsRetriedThroughServerErrorsAndTimeoutsUntilTheReceiverTakesIt() {
        Api owner = service();
        try (WebhookReceiver receiver = WebhookReceiver.start().answering(number -> switch (number) {
            case 1 -> Answer.status(500);
            case 2 -> Answer.after(Duration.ofMillis(1500), 200);
            default -> Answer.status(204);
        })) {
            String id = register(owner, receiver.url(), "wallet.opened").path("endpointId").asText();
            String wallet = api.openWallet("KES");
            List<JsonNode> tried = awaitAttempts(owner, id, 3);

            assertThat(tried).extracting(attempt -> attempt.path("attempt").asInt()).containsExactly(1, 2, 3);
            assertThat(tried.get(0).path("statusCode").asInt()).isEqualTo(500);
            assertThat(tried.get(0).path("responseExcerpt").asText()).isEqualTo("answer 500");
            assertThat(tried.get(0).path("outcome").asText()).isEqualTo("RETRYING");
            assertThat(tried.get(1).path("statusCode").isMissingNode() || tried.get(1).path("statusCode").isNull())
                    .as("no answer within the read timeout").isTrue();
            assertThat(tried.get(1).path("error").asText()).contains("no answer within 1000 ms");
            assertThat(tried.get(1).path("latencyMs").asLong()).isBetween(900L, 1400L);
            assertThat(tried.get(2).path("statusCode").asInt()).isEqualTo(204);
            assertThat(tried.get(2).path("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(tried).extracting(attempt -> attempt.path("eventId").asText()).containsOnly(
                    about(receiver, "walletId", wallet).getFirst().id());
            JsonNode failingSince = owner.get("/api/v1/webhooks/endpoints/" + id).json().path("failingSince");
            assertThat(failingSince.isNull() || failingSince.isMissingNode()).as("it answers again: %s", failingSince)
                    .isTrue();
        }
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheReceiverIsUp() throws IOException {
        Api owner = service();
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        String id = register(owner, "http://127.0.0.1:" + port + "/hooks", "wallet.opened").path("endpointId").asText();
        String wallet = api.openWallet("KES");
        JsonNode refused = awaitAttempts(owner, id, 1).getFirst();
        assertThat(refused.path("error").asText()).contains("connection refused");
        assertThat(refused.path("outcome").asText()).isEqualTo("RETRYING");
        try (WebhookReceiver receiver = WebhookReceiver.startOn(port)) {
            awaitReceived(receiver, all -> about(receiver, "walletId", wallet).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> attemptList(owner, id).getLast().path("outcome")
                    .asText().equals("DELIVERED"));
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDeadAndTheFailingEndpointIsDisabledWhichItsOwnerHears() {
        Api owner = service();
        try (WebhookReceiver failing = WebhookReceiver.start().answering(number -> Answer.status(503));
             WebhookReceiver healthy = WebhookReceiver.start()) {
            String id = register(owner, failing.url(), "wallet.opened").path("endpointId").asText();
            register(owner, healthy.url(), "webhook.endpoint_disabled");
            String wallet = api.openWallet("KES");

            List<JsonNode> tried = awaitAttempts(owner, id, 6);
            assertThat(tried).extracting(attempt -> attempt.path("outcome").asText())
                    .containsExactly("RETRYING", "RETRYING", "RETRYING", "RETRYING", "RETRYING", "DEAD");
            // The schedule's waits lie between the attempts (200 ms ... 3.2 s, so 6.2 s from first to last).
            Duration span = Duration.between(java.time.Instant.parse(tried.getFirst().path("attemptedAt").asText()),
                    java.time.Instant.parse(tried.getLast().path("attemptedAt").asText()));
            assertThat(span).isBetween(Duration.ofMillis(6200), Duration.ofSeconds(12));
            JsonNode dead = owner.get("/api/v1/webhooks/endpoints/" + id + "/deliveries?state=DEAD").json().path("items");
            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).path("eventId").asText()).isEqualTo(about(failing, "walletId", wallet).getFirst().id());
            assertThat(failing.received()).hasSize(6);

            JsonNode endpoint = owner.get("/api/v1/webhooks/endpoints/" + id).json();
            assertThat(endpoint.path("status").asText()).isEqualTo("DISABLED");
            assertThat(endpoint.path("disabledReason").asText()).contains("every attempt failed since");
            WebhookReceiver.Received told = awaitReceived(healthy, all -> !all.isEmpty()).getFirst();
            assertThat(told.type()).isEqualTo("webhook.endpoint_disabled");
            assertThat(told.json().path("data").path("endpointId").asText()).isEqualTo(id);

            assertThat(owner.post("/api/v1/webhooks/endpoints/" + id + "/ping", "").code())
                    .isEqualTo("WEBHOOK_ENDPOINT_DISABLED");

            // On Prometheus: the dead letter among the attempts, the delivery lag, and each endpoint's backlog.
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                String scrape = api.get("/actuator/prometheus").body();
                assertThat(scrape).containsPattern("mizani_webhooks_attempts_total\\{[^}]*outcome=\"dead\"[^}]*} [1-9]");
                assertThat(scrape).containsPattern("mizani_webhooks_attempts_total\\{[^}]*outcome=\"retrying\"[^}]*} [1-9]");
                assertThat(scrape).contains("mizani_webhooks_delivery_lag_seconds_bucket");
                assertThat(scrape).containsPattern("mizani_webhooks_pending\\{endpoint=\"[0-9a-f-]+\"");
                assertThat(scrape).containsPattern("mizani_webhooks_lag_seconds\\{endpoint=\"[0-9a-f-]+\"");
            });
            assertThat(owner.post("/api/v1/webhooks/endpoints/" + id + "/enable", "").text("status"))
                    .isEqualTo("ENABLED");
        }
    }

    @Test
    void aRedirectIsNotFollowed() {
        Api owner = service();
        try (WebhookReceiver elsewhere = WebhookReceiver.start();
             WebhookReceiver redirecting = WebhookReceiver.start().redirectingTo(elsewhere.url())
                     .answering(number -> number == 1 ? Answer.status(307) : Answer.status(200))) {
            String id = register(owner, redirecting.url(), "wallet.opened").path("endpointId").asText();
            api.openWallet("KES");
            List<JsonNode> tried = awaitAttempts(owner, id, 2);
            assertThat(tried.get(0).path("statusCode").asInt()).isEqualTo(307);
            assertThat(tried.get(0).path("outcome").asText()).isEqualTo("RETRYING");
            assertThat(tried.get(1).path("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(elsewhere.received()).as("the redirect's target").isEmpty();
        }
    }

    /** The endpoint's attempts, oldest first, once there are at least {@code count}. */
    private static List<JsonNode> awaitAttempts(Api owner, String endpointId, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> attemptList(owner, endpointId), attempts -> attempts.size() >= count);
    }

    private static List<JsonNode> attemptList(Api owner, String endpointId) {
        List<JsonNode> newestFirst = StreamSupport.stream(attempts(owner, endpointId).spliterator(), false).toList();
        return newestFirst.reversed();
    }
}
