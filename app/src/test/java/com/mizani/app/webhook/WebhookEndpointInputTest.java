package com.mizani.app.webhook;

import com.mizani.app.support.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an endpoint may be: refused URLs (SSRF: private, link-local, unique-local, and anything not http(s)) and bad
 * fields answer 400 problem+json with their code, and create nothing. Local mode, as here, allows loopback.
 */
class WebhookEndpointInputTest extends WebhookTestSupport {

    @Test
    void urlsIntoPrivateNetworksAndOtherSchemesAreRefusedAndNothingIsCreated() {
        Api owner = service();
        for (String url : List.of("http://10.0.0.5/hooks", "http://192.168.0.10/hooks", "http://172.20.1.1/hooks",
                "http://169.254.169.254/latest/meta-data", "http://[fd00::1]/hooks", "http://0.0.0.0/hooks",
                "http://100.100.100.200/hooks", "ftp://127.0.0.1/hooks", "file:///etc/passwd",
                "http://user:secret@127.0.0.1/hooks", "relative/hooks", "http://no-such-host.invalid/hooks",
                "http://127.0.0.1/" + "a".repeat(2100))) {
            Api.Response refused = owner.post("/api/v1/webhooks/endpoints",
                    "{\"url\":\"%s\",\"eventTypes\":[\"*\"]}".formatted(url));
            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.code()).as(url).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
        }
        Api.Response loopback = owner.post("/api/v1/webhooks/endpoints",
                "{\"url\":\"http://localhost:9/hooks\",\"eventTypes\":[\"*\"]}");
        assertThat(loopback.status()).as("loopback, allowed in local mode").isEqualTo(201);
        assertThat(owner.get("/api/v1/webhooks/endpoints").json().path("items")).hasSize(1);
    }

    @Test
    void badFieldsAnswerTheirCodesAndCreateNothing() {
        Api owner = service();
        Map<String, String> refusals = Map.of(
                "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"wallet.creditted\"]}", "UNKNOWN_EVENT_TYPE",
                "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"*\", null]}", "UNKNOWN_EVENT_TYPE",
                "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[]}", "VALIDATION_FAILED",
                "{\"url\":\"http://127.0.0.1:9/h\"}", "VALIDATION_FAILED",
                "{\"eventTypes\":[\"*\"]}", "WEBHOOK_URL_NOT_ALLOWED",
                "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"*\"],\"description\":\"a\\u0000b\"}", "VALIDATION_FAILED",
                "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":\"*\"}", "MALFORMED_REQUEST",
                "[1,2]", "MALFORMED_REQUEST");
        refusals.forEach((body, code) -> {
            Api.Response refused = owner.post("/api/v1/webhooks/endpoints", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.code()).as(body).isEqualTo(code);
        });
        assertThat(owner.get("/api/v1/webhooks/endpoints").json().path("items")).isEmpty();

        String id = register(owner, "http://127.0.0.1:9/h", "*").path("endpointId").asText();
        Api.Response badUpdate = put(owner, "/api/v1/webhooks/endpoints/" + id,
                "{\"url\":\"http://10.1.1.1/h\",\"eventTypes\":[\"*\"]}");
        assertThat(badUpdate.code()).isEqualTo("WEBHOOK_URL_NOT_ALLOWED");
        assertThat(owner.get("/api/v1/webhooks/endpoints/" + id).text("url")).isEqualTo("http://127.0.0.1:9/h");
        assertThat(owner.post("/api/v1/webhooks/endpoints/" + id + "/rotate-secret", "{\"graceSeconds\":-1}").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(owner.get("/api/v1/webhooks/endpoints/" + id + "/deliveries?state=LOST").code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(owner.get("/api/v1/webhooks/endpoints/not-a-uuid").status()).isEqualTo(400);
        assertThat(owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries", "{\"since\":\"yesterday\"}")
                .code()).isEqualTo("VALIDATION_FAILED");
        assertThat(owner.post("/api/v1/webhooks/endpoints/" + id + "/redeliveries", "{\"fromPosition\":-5}")
                .code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aPrincipalHasAtMostTheConfiguredNumberOfEndpoints() {
        Api owner = service();
        for (int i = 0; i < 20; i++) {
            register(owner, "http://127.0.0.1:9/h" + i, "wallet.closed");
        }
        Api.Response one = owner.post("/api/v1/webhooks/endpoints",
                "{\"url\":\"http://127.0.0.1:9/h21\",\"eventTypes\":[\"*\"]}");
        assertThat(one.status()).isEqualTo(422);
        assertThat(one.code()).isEqualTo("WEBHOOK_ENDPOINT_LIMIT");
        assertThat(owner.get("/api/v1/webhooks/endpoints").json().path("items")).hasSize(20);
    }
}
