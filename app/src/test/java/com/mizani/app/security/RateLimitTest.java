package com.mizani.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.app.support.IntegrationTest;
import com.mizani.app.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default limits of an application of its own: a customer gets 20 requests a second with bursts of 40. A
 * customer far over its limit gets 429 with Retry-After and the RateLimit headers, while another client, asking at
 * the same time, is not slowed at all.
 */
class RateLimitTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aCustomerOverItsLimitGets429AndAnotherClientIsUnaffected() throws Exception {
        try (ConfigurableApplicationContext app = IntegrationTest.startApplication(
                "mizani.data-dir=" + IntegrationTest.temporaryDataDir())) {
            int port = IntegrationTest.portOf(app);
            String greedyOwner = UUID.randomUUID().toString();
            String greedy = Tokens.client(port, "greedy", List.of("customer"), greedyOwner);
            String calm = Tokens.client(port, "calm", List.of("customer"), UUID.randomUUID().toString());

            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                burst.add(send(port, greedy));
                if (i % 12 == 0) {
                    others.add(send(port, calm));
                }
            }
            List<HttpResponse<String>> refused = burst.stream().map(CompletableFuture::join)
                    .filter(response -> response.statusCode() == 429).toList();
            List<Integer> othersStatuses = others.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            assertThat(refused).as("requests over the limit").isNotEmpty();
            assertThat(burst.stream().map(CompletableFuture::join).filter(response -> response.statusCode() != 429))
                    .as("the burst's allowed requests").hasSizeGreaterThanOrEqualTo(40);
            HttpResponse<String> tooMany = refused.get(0);
            assertThat(tooMany.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(new ObjectMapper().readTree(tooMany.body()).path("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(tooMany.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(seconds ->
                    assertThat(seconds).isBetween(1L, 2L));
            assertThat(tooMany.headers().firstValue("RateLimit-Policy")).hasValue("\"principal\";q=40;w=2");
            assertThat(tooMany.headers().firstValue("RateLimit")).hasValueSatisfying(value ->
                    assertThat(value).startsWith("\"principal\";r=0;t="));
            // The other customer's own wallet does not exist: 404, never 429.
            assertThat(othersStatuses).as("the other client").containsOnly(404);
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(int port, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/wallets/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token).GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
