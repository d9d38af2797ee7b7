package com.mizani.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer's signing keys live in PostgreSQL: a token outlives a restart of the application, a rotation lets the
 * tokens already out run until they expire, and a rotation "immediately" (for a key that may have leaked) stops them.
 */
class SigningKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTECTED = "/api/v1/ledger/verify";

    @Test
    void tokensSurviveARestartARotationKeepsThemAndAnImmediateOneStopsThem() throws Exception {
        Path data = IntegrationTest.temporaryDataDir();
        Map.Entry<String, String> client;
        String beforeRestart;
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication("mizani.data-dir=" + data)) {
            int port = IntegrationTest.portOf(app);
            client = Tokens.createClient(port, "keys-test", List.of("auditor"), null);
            beforeRestart = Tokens.fetch(port, client.getKey(), client.getValue());
            assertThat(new Api(port, beforeRestart).get(PROTECTED).status()).isEqualTo(200);
        }
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication("mizani.data-dir=" + data)) {
            int port = IntegrationTest.portOf(app);
            Api admin = new Api(port, Tokens.admin(port));
            assertThat(new Api(port, beforeRestart).get(PROTECTED).status()).as("a token from before the restart").isEqualTo(200);

            Api.Response rotated = admin.post("/api/v1/admin/keys/rotate", "");
            assertThat(rotated.status()).isEqualTo(201);
            String newKey = rotated.text("keyId");
            assertThat(newKey).isNotEqualTo(keyIdOf(beforeRestart));
            String afterRotation = Tokens.fetch(port, client.getKey(), client.getValue());
            assertThat(keyIdOf(afterRotation)).isEqualTo(newKey);
            assertThat(new Api(port, beforeRestart).get(PROTECTED).status()).as("an older token after a rotation").isEqualTo(200);
            assertThat(new Api(port, afterRotation).get(PROTECTED).status()).isEqualTo(200);
            JsonNode published = JSON.readTree(new Api(port, (String) null).get("/oauth2/jwks").body()).path("keys");
            assertThat(published).extracting(key -> key.path("kid").asText())
                    .contains(keyIdOf(beforeRestart), newKey);
            assertThat(published.toString()).as("only public parts are published").doesNotContain("\"d\"");

            assertThat(admin.withToken(Tokens.fetch(port, Tokens.ADMIN_CLIENT, Tokens.ADMIN_SECRET))
                    .post("/api/v1/admin/keys/rotate?immediately=true", "").status()).isEqualTo(201);
            Api.Response stopped = new Api(port, afterRotation).get(PROTECTED);
            assertThat(stopped.status()).isEqualTo(401);
            assertThat(stopped.code()).isEqualTo("TOKEN_INVALID");
            assertThat(new Api(port, Tokens.fetch(port, client.getKey(), client.getValue())).get(PROTECTED).status())
                    .isEqualTo(200);
        }
    }

    private static String keyIdOf(String token) throws Exception {
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        return JSON.readTree(header).path("kid").asText();
    }
}
