package com.mizani.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.identity.IdentityCommand;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar mizani.jar clients|users|keys ...}: the admin API from a shell, against the running application. */
class IdentityCommandTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String output) {
        JsonNode json() throws Exception {
            return JSON.readTree(output);
        }
    }

    private Run run(String... words) {
        String[] args = new String[words.length + 2];
        System.arraycopy(words, 0, args, 0, words.length);
        args[words.length] = "--url=http://localhost:" + port;
        args[words.length + 1] = "--client-secret=" + Tokens.ADMIN_SECRET;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = IdentityCommand.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Run(exit, printed.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void clientsAreCreatedListedDisabledAndGivenNewSecrets() throws Exception {
        Run created = run("clients", "create", "--name=cli teller", "--roles=teller,service");
        assertThat(created.exit()).as(created.output()).isZero();
        String clientId = created.json().path("clientId").asText();
        String secret = created.json().path("clientSecret").asText();
        assertThat(clientId).startsWith("cli-teller-");
        assertThat(Tokens.fetch(port, clientId, secret)).isNotBlank();

        assertThat(run("clients", "list").output()).contains(clientId).doesNotContain(secret);
        assertThat(run("clients", "show", clientId).json().path("roles")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("teller", "service");
        assertThat(run("clients", "disable", clientId).json().path("enabled").asBoolean()).isFalse();
        Run rotated = run("clients", "rotate-secret", clientId);
        assertThat(rotated.json().path("clientSecret").asText()).isNotBlank().isNotEqualTo(secret);
        assertThat(run("clients", "enable", clientId).json().path("enabled").asBoolean()).isTrue();
        assertThat(Tokens.fetch(port, clientId, rotated.json().path("clientSecret").asText())).isNotBlank();
    }

    @Test
    void usersGetTheirPasswordFromStandardInput() throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("a password typed at the prompt\n".getBytes(StandardCharsets.UTF_8)));
            Run created = run("users", "create", "--username=cli-user-" + System.nanoTime(), "--roles=auditor");
            assertThat(created.exit()).as(created.output()).isZero();
            assertThat(created.output()).doesNotContain("typed at the prompt");
            assertThat(run("users", "list").output()).contains(created.json().path("username").asText());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void keysAreListedAndRefusalsAndMistakesHaveTheirExitCodes() {
        Run keys = run("keys", "list");
        assertThat(keys.exit()).isZero();
        assertThat(keys.output()).contains("\"signing\":true");

        Run refused = run("clients", "create", "--name=bad", "--roles=emperor");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.output()).contains("VALIDATION_FAILED");
        assertThat(run("clients", "fly").exit()).isEqualTo(2);
        assertThat(run("clients", "create", "--roles=auditor").exit()).as("no --name").isEqualTo(2);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int unreachable = IdentityCommand.run(new String[]{"keys", "list", "--url=http://127.0.0.1:9", "--token=x"},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(unreachable).isEqualTo(1);
    }
}
