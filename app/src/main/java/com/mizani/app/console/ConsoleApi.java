package com.mizani.app.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pages' only way to the ledger: the API itself, over loopback, with the signed-in person's own token. So a page
 * can show and do exactly what that person could through the API, decided by the same policy, validated, limited and
 * audited the same way, and under the same idempotency keys.
 */
public class ConsoleApi implements ApplicationListener<WebServerInitializedEvent> {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile String base;

    public ConsoleApi(OAuth2AuthorizedClientRepository authorizedClients, JsonMapper json) {
        this.authorizedClients = authorizedClients;
        this.json = json;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() == null) {
            base = "http://127.0.0.1:" + event.getWebServer().getPort();
        }
    }

    /** A path with its query, each value encoded: {@code path("/api/v1/wallets", "ownerId", owner)}. */
    public static String path(String path, Object... parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            if (parameters[i + 1] != null && !parameters[i + 1].toString().isEmpty()) {
                uri.queryParam(parameters[i].toString(), parameters[i + 1]);
            }
        }
        return uri.encode().build().toUriString();
    }

    public Map<String, Object> get(String path) {
        return object(send(request(path).GET().header("Accept", "application/json"), HttpResponse.BodyHandlers.ofString()));
    }

    /** The CSV the API answers (a statement, a report), as it is. */
    public String getCsv(String path) {
        HttpResponse<String> answer = send(request(path).GET().header("Accept", "text/csv"),
                HttpResponse.BodyHandlers.ofString());
        refusedUnlessOk(answer.statusCode(), answer.body());
        return answer.body();
    }

    /** A POST with a JSON body under an idempotency key: a repeat (a double click, a reload) gets the first answer. */
    public Map<String, Object> post(String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return object(send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** A live stream of the API (server-sent events), line by line, until either side ends it. */
    public Stream<String> stream(String path) {
        HttpResponse<Stream<String>> answer = send(request(path).GET().header("Accept", "text/event-stream")
                .timeout(Duration.ofHours(1)), HttpResponse.BodyHandlers.ofLines());
        if (answer.statusCode() >= 300) {
            String body = String.join("\n", answer.body().limit(100).toList());
            refusedUnlessOk(answer.statusCode(), body);
        }
        return answer.body();
    }

    private HttpRequest.Builder request(String path) {
        if (base == null) {
            throw new IllegalStateException("the API is not listening yet");
        }
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken());
    }

    private String accessToken() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        OAuth2AuthorizedClient client = signedIn == null ? null : authorizedClients.loadAuthorizedClient(
                ConsoleClientRegistrations.REGISTRATION_ID, signedIn, request);
        if (client == null || client.getAccessToken().getExpiresAt() == null
                || client.getAccessToken().getExpiresAt().isBefore(Instant.now().plusSeconds(5))) {
            throw new ConsoleSignInExpired();
        }
        return client.getAccessToken().getTokenValue();
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the API", interrupted);
        }
    }

    private Map<String, Object> object(HttpResponse<String> answer) {
        refusedUnlessOk(answer.statusCode(), answer.body());
        return answer.body().isEmpty() ? Map.of() : json.readValue(answer.body(), OBJECT);
    }

    private void refusedUnlessOk(int status, String body) {
        if (status == 401) {
            throw new ConsoleSignInExpired();
        }
        if (status >= 300) {
            Map<String, Object> problem = Map.of();
            try {
                problem = json.readValue(body, OBJECT);
            } catch (RuntimeException notJson) {
                // Not a problem document: the status alone says it.
            }
            throw new ApiRefusal(status, String.valueOf(problem.getOrDefault("code", "HTTP_" + status)),
                    String.valueOf(problem.getOrDefault("detail", "the request was refused (" + status + ")")));
        }
    }
}
