package com.mizani.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authenticated principal is what the ledger records: every event a request causes names it (and its roles) in
 * its metadata, whatever headers the request sends, and idempotency keys belong to the principal that used them.
 */
class PrincipalMetadataTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROLES = List.of("service", "teller");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyEventOfARequestNamesTheTokensPrincipalAndRolesNotTheHeaders() throws Exception {
        Api client = api.asClient("metadata-test", ROLES, null);
        String actor = "client:" + Tokens.clientIdOf(port, "metadata-test", ROLES, null);
        String wallet = client.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}".formatted(UUID.randomUUID()),
                "X-Client-Id", "someone-else", "X-Operator", "not-me").text("walletId");
        assertThat(client.post("/api/v1/deposits", "{\"walletId\":\"%s\",\"amount\":\"5.00\",\"currency\":\"KES\"}"
                .formatted(wallet), "Idempotency-Key", UUID.randomUUID().toString(), "X-Operator", "not-me").status())
                .isEqualTo(201);

        List<JsonNode> metadata = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")
                .param(wallet)
                .query((rs, row) -> read(rs.getBytes("meta_data")))
                .list();
        assertThat(metadata).hasSize(2);
        for (JsonNode event : metadata) {
            assertThat(event.path("actor").asText()).isEqualTo(actor);
            assertThat(event.path("roles").asText()).isEqualTo("service,teller");
        }
    }

    @Test
    void twoPrincipalsUsingOneIdempotencyKeyGetTwoTransfers() {
        String source = api.openWallet("KES");
        String destination = api.openWallet("KES");
        assertThat(api.deposit(source, "10.00", "KES").status()).isEqualTo(201);
        String key = "shared-key-" + UUID.randomUUID();
        Api first = api.asClient("namespace-a", List.of("service"), null);
        Api second = api.asClient("namespace-b", List.of("service"), null);

        Api.Response a = first.transfer(key, source, destination, "1.00", "KES");
        Api.Response b = second.transfer(key, source, destination, "2.00", "KES");
        Api.Response aAgain = first.transfer(key, source, destination, "1.00", "KES");

        assertThat(a.status()).isEqualTo(201);
        assertThat(b.status()).as("another principal's key is its own, even with another body").isEqualTo(201);
        assertThat(b.text("transferId")).isNotEqualTo(a.text("transferId"));
        assertThat(aAgain.text("transferId")).isEqualTo(a.text("transferId"));
    }

    private static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(new String(json, StandardCharsets.UTF_8));
        } catch (Exception notJson) {
            throw new AssertionError(notJson);
        }
    }
}
