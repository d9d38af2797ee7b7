package com.mizani.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.WebhookReceiver;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Endpoints registered by a service principal of each test's own, so that no test sees another's endpoints. */
abstract class WebhookTestSupport extends IntegrationTest {

    /** A service principal of its own. */
    Api service() {
        return api.asClient("webhooks-" + UUID.randomUUID().toString().substring(0, 8), List.of("service"), null);
    }

    /** Registers an endpoint and answers its creation (endpointId, secret). */
    static JsonNode register(Api owner, String url, String... eventTypes) {
        StringBuilder types = new StringBuilder();
        for (String type : eventTypes) {
            types.append(types.isEmpty() ? "" : ",").append('"').append(type).append('"');
        }
        Api.Response created = owner.post("/api/v1/webhooks/endpoints",
                "{\"url\":\"%s\",\"eventTypes\":[%s],\"description\":\"test\"}".formatted(url, types));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    static Api.Response delete(Api owner, String path) {
        return owner.send(HttpRequest.newBuilder(owner.uri(path)).DELETE());
    }

    static Api.Response put(Api owner, String path, String json) {
        return owner.send(HttpRequest.newBuilder(owner.uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The requests received about one resource (a data field equal to {@code id}). */
    static List<WebhookReceiver.Received> about(WebhookReceiver receiver, String field, String id) {
        return receiver.received().stream().filter(request -> id.equals(request.json().path("data").path(field).asText()))
                .toList();
    }

    static List<WebhookReceiver.Received> awaitReceived(WebhookReceiver receiver,
                                                        Predicate<List<WebhookReceiver.Received>> done) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(receiver::received, done);
    }

    static JsonNode attempts(Api owner, String endpointId) {
        Api.Response attempts = owner.get("/api/v1/webhooks/endpoints/" + endpointId + "/attempts?limit=500");
        assertThat(attempts.status()).as(attempts.body()).isEqualTo(200);
        return attempts.json().path("items");
    }
}
