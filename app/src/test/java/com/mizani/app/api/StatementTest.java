package com.mizani.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StatementTest extends IntegrationTest {

    @Test
    void statementHasTheOpeningBalanceTheEntriesOfThePeriodAndTheClosingBalance() {
        String wallet = api.openWallet("KES");
        String other = api.openWallet("KES");
        api.deposit(wallet, "100.00", "KES");
        api.transfer(UUID.randomUUID().toString(), wallet, other, "30.00", "KES");
        api.deposit(wallet, "5.50", "KES");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("75.50"));
        JsonNode all = api.get("/api/v1/wallets/" + wallet + "/entries").json().path("items");
        Instant from = Instant.parse(all.get(1).path("occurredAt").asText());
        Instant to = Instant.parse(all.get(2).path("occurredAt").asText()).plusMillis(1);

        JsonNode statement = api.get("/api/v1/wallets/%s/statement?from=%s&to=%s".formatted(wallet, from, to)).json();

        // Expected figures straight from the entries: the period is [from, to).
        String opening = "0.00";
        List<String> inPeriod = new ArrayList<>();
        for (JsonNode entry : all) {
            Instant at = Instant.parse(entry.path("occurredAt").asText());
            if (at.isBefore(from)) {
                opening = entry.path("balanceAfter").asText();
            } else if (at.isBefore(to)) {
                inPeriod.add(entry.path("balanceAfter").asText());
            }
        }
        assertThat(statement.path("openingBalance").asText()).isEqualTo(opening);
        assertThat(statement.path("entries").findValuesAsText("balanceAfter")).containsExactlyElementsOf(inPeriod);
        assertThat(statement.path("closingBalance").asText()).isEqualTo("75.50");
        assertThat(statement.path("entries").findValuesAsText("kind")).contains("DEPOSIT");
    }

    @Test
    void statementAsCsvHasAHeaderTheOpeningTheEntriesAndTheClosingLine() {
        String wallet = api.openWallet("UGX");
        api.deposit(wallet, "5000", "UGX");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("5000"));

        Response csv = api.get("/api/v1/wallets/%s/statement?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&format=csv".formatted(wallet));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("sequence,occurred_at,transaction_id,kind,direction,amount,balance_after,contra_account");
        assertThat(lines.get(1)).contains("OPENING_BALANCE").contains(",0,");
        assertThat(lines.get(2)).contains(",DEPOSIT,CREDIT,5000,5000,provider:cash:settlement:UGX");
        assertThat(lines.get(3)).contains("CLOSING_BALANCE").contains(",5000,");
    }

    @Test
    void acceptTextCsvGivesTheSameCsvAsFormatCsvAndFormatWinsOverAccept() {
        String wallet = api.openWallet("UGX");
        api.deposit(wallet, "7000", "UGX");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.available(wallet)).isEqualTo("7000"));
        String path = "/api/v1/wallets/%s/statement?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z".formatted(wallet);

        Response byAccept = get(path, "text/csv");
        Response byFormat = api.get(path + "&format=csv");

        assertThat(byAccept.status()).as(byAccept.body()).isEqualTo(200);
        assertThat(byAccept.contentType()).startsWith("text/csv");
        assertThat(byAccept.body()).isEqualTo(byFormat.body())
                .startsWith("sequence,occurred_at,transaction_id,kind,direction,amount,balance_after,contra_account\n")
                .contains(",DEPOSIT,CREDIT,7000,7000,provider:cash:settlement:UGX\n");
        // The parameter chooses whatever the header says, as it did before the header was read at all.
        assertThat(get(path + "&format=json", "text/csv").json().path("closingBalance").asText()).isEqualTo("7000");
        assertThat(get(path + "&format=csv", "application/json").body()).isEqualTo(byFormat.body());
    }

    @Test
    void jsonUnlessTheAcceptHeaderPrefersCsv() {
        String wallet = api.openWallet("KES");
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/wallets/" + wallet).status() == 200);
        String path = "/api/v1/wallets/%s/statement?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z".formatted(wallet);

        for (String accept : new String[]{null, "*/*", "application/json", "text/csv;q=0.5, application/json",
                "application/*, text/csv;q=0.9"}) {
            Response answer = get(path, accept);
            assertThat(answer.status()).as("Accept %s: %s", accept, answer.body()).isEqualTo(200);
            assertThat(answer.contentType()).as("Accept %s", accept).startsWith("application/json");
            assertThat(answer.json().path("openingBalance").asText()).isEqualTo("0.00");
        }
        for (String accept : new String[]{"text/*", "application/json;q=0.2, text/csv", "text/csv, */*;q=0.1"}) {
            assertThat(get(path, accept).contentType()).as("Accept %s", accept).startsWith("text/csv");
        }
    }

    @Test
    void anAcceptThatAdmitsNeitherJsonNorCsvIsNotAcceptable() {
        String wallet = api.openWallet("KES");
        String path = "/api/v1/wallets/%s/statement?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z".formatted(wallet);

        for (String accept : new String[]{"application/xml", "text/html", "text/csv;q=0, application/xml"}) {
            Response refused = get(path, accept);
            assertThat(refused.status()).as("Accept %s: %s", accept, refused.body()).isEqualTo(406);
            assertThat(refused.isProblem()).as("content type %s", refused.contentType()).isTrue();
            assertThat(refused.code()).isEqualTo("NOT_ACCEPTABLE");
            assertThat(refused.text("detail")).contains("application/json").contains("text/csv");
        }
        // An Accept header that cannot be read is malformed input, as on every endpoint.
        assertThat(get(path, "text/csv;q=x").code()).isEqualTo("VALIDATION_FAILED");
    }

    private Response get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return api.send(request);
    }

    @Test
    void badPeriodsAndFormatsAreRefusedAndUnknownWalletsAreNotFound() {
        String wallet = api.openWallet("KES");
        String path = "/api/v1/wallets/" + wallet + "/statement";

        for (Response refused : new Response[]{
                api.get(path + "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"),
                api.get(path + "?from=yesterday&to=2026-01-01T00:00:00Z"),
                api.get(path + "?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&format=pdf"),
                api.get(path + "?from=2026-01-01T00:00:00Z")}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get("/api/v1/wallets/" + UUID.randomUUID() + "/statement?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")
                .code()).isEqualTo("WALLET_NOT_FOUND");
    }
}
