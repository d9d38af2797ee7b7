package com.mizani.app.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.PublicEventSchema;
import com.mizani.app.support.WebhookReceiver;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks as a client receives them: signed, filtered by type, in each wallet's order, through a real receiver. */
class WebhookDeliveryTest extends WebhookTestSupport {

    @Test
    void eachMessageIsSignedWithTheEndpointsSecretOverItsIdTimestampAndBody() {
        Api owner = service();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = register(owner, receiver.url(), "wallet.opened", "wallet.credited");
            String secret = endpoint.path("secret").asText();
            assertThat(secret).startsWith("whsec_");
            assertThat(owner.get("/api/v1/webhooks/endpoints/" + endpoint.path("endpointId").asText()).body())
                    .as("the secret is shown once").doesNotContain(secret.substring(6));

            String wallet = api.openWallet("KES");
            assertThat(api.deposit(wallet, "25.00", "KES").status()).isEqualTo(201);
            List<WebhookReceiver.Received> mine = awaitReceived(receiver,
                    all -> about(receiver, "walletId", wallet).size() == 2).stream()
                    .filter(request -> wallet.equals(request.json().path("data").path("walletId").asText())).toList();

            for (WebhookReceiver.Received request : mine) {
                assertThat(PublicEventSchema.violations(request.body())).as(request.body()).isEmpty();
                assertThat(request.signedWith(secret)).as("signed: %s", request.body()).isTrue();
                assertThat(request.signedWith(WebhookSecretsForTest.another())).as("not by any other secret").isFalse();
                assertThat(request.id()).isEqualTo(request.json().path("id").asText());
                assertThat(Long.parseLong(request.timestamp()))
                        .isBetween(System.currentTimeMillis() / 1000 - 60, System.currentTimeMillis() / 1000 + 5);
                // A body changed on the way no longer matches its signature.
                assertThat(new WebhookReceiver.Received(request.id(), request.timestamp(), request.signature(),
                        request.body().replace(wallet, UUID.randomUUID().toString()), 0).signedWith(secret)).isFalse();
            }
            JsonNode credited = mine.stream().filter(request -> request.type().equals("wallet.credited")).findFirst()
                    .orElseThrow().json();
            assertThat(credited.path("data").path("amount").asText()).isEqualTo("25.00");
            assertThat(credited.path("data").path("currency").asText()).isEqualTo("KES");
            assertThat(credited.path("data").path("availableAfter").asText()).isEqualTo("25.00");
            assertThat(credited.path("position").asLong()).isPositive();
            assertThat(credited.path("createdAt").asText()).endsWith("Z");
        }
    }

    @Test
    void anEndpointReceivesOnlyTheTypesItSubscribedTo() {
        Api owner = service();
        try (WebhookReceiver credits = WebhookReceiver.start(); WebhookReceiver everything = WebhookReceiver.start()) {
            register(owner, credits.url(), "wallet.credited");
            register(owner, everything.url(), "*");
            String wallet = api.openWallet("KES");
            assertThat(api.deposit(wallet, "5.00", "KES").status()).isEqualTo(201);
            String second = api.openWallet("KES");
            assertThat(api.transfer(UUID.randomUUID().toString(), wallet, second, "2.00", "KES").status()).isEqualTo(201);

            awaitReceived(everything, all -> about(everything, "walletId", second).stream()
                    .anyMatch(request -> request.type().equals("wallet.credited")));
            awaitReceived(credits, all -> about(credits, "walletId", second).size() == 1);
            assertThat(credits.received()).extracting(WebhookReceiver.Received::type).containsOnly("wallet.credited");
            everything.received().forEach(request ->
                    assertThat(PublicEventSchema.violations(request.body())).as(request.body()).isEmpty());
            Set<String> types = everything.received().stream().map(WebhookReceiver.Received::type)
                    .collect(Collectors.toSet());
            assertThat(types).contains("wallet.opened", "wallet.credited", "wallet.debited", "transfer.requested");
        }
    }

    @Test
    void aWalletsEventsArriveInTheStoresOrderThoughTheEndpointTakesSeveralAtOnce() {
        Api owner = service();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            register(owner, receiver.url(), "wallet.credited", "wallet.debited", "wallet.opened");
            List<String> wallets = List.of(api.openWallet("KES"), api.openWallet("KES"), api.openWallet("KES"));
            for (String wallet : wallets) {
                assertThat(api.deposit(wallet, "100.00", "KES").status()).isEqualTo(201);
            }
            for (int i = 0; i < 30; i++) {
                String from = wallets.get(i % 3);
                String to = wallets.get((i + 1) % 3);
                assertThat(api.transfer(UUID.randomUUID().toString(), from, to, "1.00", "KES").status())
                        .isEqualTo(201);
            }
            // Each wallet: opened, credited by its deposit, then 10 debits and 10 credits of the transfers.
            for (String wallet : wallets) {
                awaitReceived(receiver, all -> about(receiver, "walletId", wallet).size() >= 22);
            }
            for (String wallet : wallets) {
                List<Long> positions = about(receiver, "walletId", wallet).stream()
                        .map(request -> request.json().path("position").asLong()).toList();
                assertThat(positions).as("wallet %s in arrival order", wallet).isSorted().doesNotHaveDuplicates();
                List<String> balances = about(receiver, "walletId", wallet).stream()
                        .filter(request -> !request.type().equals("wallet.opened"))
                        .map(request -> request.json().path("data").path("availableAfter").asText()).toList();
                assertThat(balances.getLast()).isEqualTo("100.00");
            }
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneForTheGracePeriodThenAlone() {
        Api owner = service();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = register(owner, receiver.url(), "wallet.opened");
            String id = endpoint.path("endpointId").asText();
            String first = endpoint.path("secret").asText();

            Api.Response rotated = owner.post("/api/v1/webhooks/endpoints/" + id + "/rotate-secret",
                    "{\"graceSeconds\":3600}");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String second = rotated.text("secret");
            assertThat(second).startsWith("whsec_").isNotEqualTo(first);
            String during = api.openWallet("KES");
            WebhookReceiver.Received inGrace = awaitReceived(receiver,
                    all -> about(receiver, "walletId", during).size() == 1).stream()
                    .filter(request -> request.body().contains(during)).findFirst().orElseThrow();
            assertThat(inGrace.signature().split(" ")).hasSize(2);
            assertThat(inGrace.signedWith(first)).as("the old secret, in its grace").isTrue();
            assertThat(inGrace.signedWith(second)).as("the new secret").isTrue();

            String third = owner.post("/api/v1/webhooks/endpoints/" + id + "/rotate-secret", "{\"graceSeconds\":0}")
                    .text("secret");
            String after = api.openWallet("KES");
            WebhookReceiver.Received afterGrace = awaitReceived(receiver,
                    all -> about(receiver, "walletId", after).size() == 1).stream()
                    .filter(request -> request.body().contains(after)).findFirst().orElseThrow();
            assertThat(afterGrace.signedWith(third)).isTrue();
            assertThat(afterGrace.signedWith(second)).as("no grace was given").isFalse();
            assertThat(afterGrace.signedWith(first)).isFalse();
        }
    }

    @Test
    void redeliveryFromAPositionSendsTheSameMessagesAgainWithTheirIds() {
        Api owner = service();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String id = register(owner, receiver.url(), "wallet.opened", "wallet.credited")
                    .path("endpointId").asText();
            String wallet = api.openWallet("KES");
            assertThat(api.deposit(wallet, "3.00", "KES").status()).isEqualTo(201);
            List<WebhookReceiver.Received> firstTime = awaitReceived(receiver,
                    all -> about(receiver, "walletId", wallet).size() == 2);
            List<WebhookReceiver.Received> original = about(receiver, "walletId", wallet);
            long from = original.getFirst().json().path("position").asLong();

            Api.Response redelivery = owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries",
                    "{\"fromPosition\":" + from + "}");
            assertThat(redelivery.status()).as(redelivery.body()).isEqualTo(202);
            assertThat(redelivery.json().path("complete").asBoolean()).isTrue();
            assertThat(redelivery.json().path("queued").asInt()).isGreaterThanOrEqualTo(2);
            awaitReceived(receiver, all -> about(receiver, "walletId", wallet).size() == 4);
            Map<String, Integer> timesById = new HashMap<>();
            about(receiver, "walletId", wallet).forEach(request -> timesById.merge(request.id(), 1, Integer::sum));
            assertThat(timesById).as("each of the two events twice, under its own id").hasSize(2)
                    .allSatisfy((eventId, times) -> assertThat(times).isEqualTo(2));
            assertThat(firstTime).isNotEmpty();

            String eventId = original.getLast().id();
            Api.Response one = owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries",
                    "{\"eventId\":\"" + eventId + "\"}");
            assertThat(one.status()).as(one.body()).isEqualTo(202);
            assertThat(one.json().path("queued").asInt()).isEqualTo(1);
            awaitReceived(receiver, all -> all.stream().filter(request -> request.id().equals(eventId)).count() == 3);

            String since = original.getFirst().json().path("createdAt").asText();
            Api.Response fromTime = owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries",
                    "{\"since\":\"" + since + "\"}");
            assertThat(fromTime.status()).as(fromTime.body()).isEqualTo(202);
            assertThat(fromTime.json().path("queued").asInt()).isGreaterThanOrEqualTo(2);
            awaitReceived(receiver, all -> about(receiver, "walletId", wallet).size() == 7);

            Api.Response unknown = owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries",
                    "{\"eventId\":\"" + UUID.randomUUID() + "\"}");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("EVENT_NOT_FOUND");
            Api.Response both = owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries",
                    "{\"eventId\":\"" + eventId + "\",\"fromPosition\":1}");
            assertThat(both.status()).isEqualTo(400);
            assertThat(both.code()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void aPingIsSignedAndShowsInTheAttempts() {
        Api owner = service();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonNode endpoint = register(owner, receiver.url(), "payment.settled");
            String id = endpoint.path("endpointId").asText();
            Api.Response ping = owner.post("/api/v1/webhooks/endpoints/" + id + "/ping", "");
            assertThat(ping.status()).as(ping.body()).isEqualTo(202);
            String pingId = ping.text("eventId");
            WebhookReceiver.Received received = awaitReceived(receiver, all -> !all.isEmpty()).getFirst();
            assertThat(received.id()).isEqualTo(pingId);
            assertThat(received.type()).isEqualTo("webhook.ping");
            assertThat(received.json().path("position").isNull()).isTrue();
            assertThat(received.signedWith(endpoint.path("secret").asText())).isTrue();
            JsonNode attempt = org.awaitility.Awaitility.await().until(() -> attempts(owner, id), items -> items.size() == 1)
                    .get(0);
            assertThat(attempt.path("eventId").asText()).isEqualTo(pingId);
            assertThat(attempt.path("statusCode").asInt()).isEqualTo(200);
            assertThat(attempt.path("outcome").asText()).isEqualTo("DELIVERED");
            assertThat(attempt.path("responseExcerpt").asText()).isEqualTo("answer 200");
        }
    }

    @Test
    void anotherPrincipalsEndpointDoesNotExistForIt() {
        Api owner = service();
        Api stranger = service();
        String id = register(owner, "http://127.0.0.1:9/hooks", "*").path("endpointId").asText();
        for (Api.Response answer : List.of(stranger.get("/api/v1/webhooks/endpoints/" + id),
                stranger.post("/api/v1/webhooks/endpoints/" + id + "/ping", ""),
                delete(stranger, "/api/v1/webhooks/endpoints/" + id),
                stranger.get("/api/v1/webhooks/endpoints/" + id + "/attempts"))) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.code()).isEqualTo("WEBHOOK_ENDPOINT_NOT_FOUND");
        }
        assertThat(stranger.get("/api/v1/webhooks/endpoints").json().path("items")).isEmpty();
        assertThat(owner.get("/api/v1/webhooks/endpoints").json().path("items")).hasSize(1);
        assertThat(delete(owner, "/api/v1/webhooks/endpoints/" + id).status()).isEqualTo(204);
        assertThat(owner.get("/api/v1/webhooks/endpoints/" + id).status()).isEqualTo(404);
    }

    @Test
    void theWebhooksAndKafkaProcessorsAreNotOfferedForReplay() {
        // A replay from the first event would send every past event again; redelivery is the way to do that, on purpose.
        Api.Response projections = api.get("/api/v1/admin/projections");
        assertThat(projections.status()).as(projections.body()).isEqualTo(200);
        assertThat(projections.body()).contains("ledger").doesNotContain("\"webhooks\"").doesNotContain("\"kafka\"");
        Api.Response replay = api.post("/api/v1/admin/projections/webhooks/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(404);
    }

    @Test
    void aSlowEndpointAndADeadOneHoldUpNoOther() {
        Api owner = service();
        try (WebhookReceiver slow = WebhookReceiver.start()
                .answering(number -> WebhookReceiver.Answer.after(java.time.Duration.ofSeconds(20), 200));
             WebhookReceiver healthy = WebhookReceiver.start()) {
            register(owner, slow.url(), "wallet.opened");
            register(owner, "http://127.0.0.1:9/dead", "wallet.opened");
            register(owner, healthy.url(), "wallet.opened");
            String wallet = api.openWallet("KES");
            awaitReceived(healthy, all -> about(healthy, "walletId", wallet).size() == 1);
            awaitReceived(slow, all -> !about(slow, "walletId", wallet).isEmpty());
            // The slow endpoint holds its request until Mizani's read timeout (1 s here): served one after the other,
            // the healthy endpoint would get its message a second later or more.
            long slowAsked = about(slow, "walletId", wallet).getFirst().receivedAtMs();
            long healthyGot = about(healthy, "walletId", wallet).getFirst().receivedAtMs();
            assertThat(healthyGot - slowAsked).as("the healthy endpoint's delivery, after the slow one was asked")
                    .isLessThan(800);
        }
    }
}
