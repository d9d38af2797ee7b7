package com.mizani.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * How the command-line tools ({@code replay}, {@code clients}, {@code users}, {@code keys}) reach a running Mizani:
 * over its HTTP API, with a bearer token, so that they pass the same access policy and leave the same audit trail as
 * any other client. The token is {@code --token} (or {@code MIZANI_TOKEN}), or is fetched with client credentials:
 * {@code --client-id} (default {@code mizani-admin}) and {@code --client-secret} (or {@code MIZANI_ADMIN_SECRET}, else
 * {@code MIZANI_BOOTSTRAP_ADMIN_SECRET}) from {@code --token-url} (default: the embedded issuer at {@code --url}).
 */
public final class ApiConnection {

    public static final String OPTIONS = "[--url=http://localhost:8080] [--token=<bearer> | --client-id=mizani-admin "
            + "--client-secret=<secret> [--token-url=<url>/oauth2/token]]";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private String baseUrl = "http://localhost:8080";
    private String token;
    private String clientId = "mizani-admin";
    private String clientSecret;
    private String tokenUrl;

    public ApiConnection(Map<String, String> environment) {
        this.token = blankToNull(environment.get("MIZANI_TOKEN"));
        String secret = blankToNull(environment.get("MIZANI_ADMIN_SECRET"));
        this.clientSecret = secret != null ? secret : blankToNull(environment.get("MIZANI_BOOTSTRAP_ADMIN_SECRET"));
    }

    /** Takes the argument if it is one of this connection's options. */
    public boolean accept(String argument) {
        if (argument.startsWith("--url=")) {
            baseUrl = argument.substring("--url=".length()).replaceAll("/+$", "");
        } else if (argument.startsWith("--token=")) {
            token = argument.substring("--token=".length());
        } else if (argument.startsWith("--client-id=")) {
            clientId = argument.substring("--client-id=".length());
        } else if (argument.startsWith("--client-secret=")) {
            clientSecret = argument.substring("--client-secret=".length());
        } else if (argument.startsWith("--token-url=")) {
            tokenUrl = argument.substring("--token-url=".length());
        } else {
            return false;
        }
        return true;
    }

    public ObjectMapper json() {
        return json;
    }

    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, null);
    }

    public HttpResponse<String> send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(90));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The problem's detail, or the body itself when it is not a problem. */
    public String detailOf(String body) {
        try {
            JsonNode problem = json.readTree(body);
            return problem.has("detail") ? problem.path("code").asText() + ": " + problem.path("detail").asText() : body;
        } catch (IOException notJson) {
            return body;
        }
    }

    private String token() throws IOException, InterruptedException {
        if (token != null) {
            return token;
        }
        if (clientSecret == null) {
            throw new IllegalArgumentException("no credentials: pass --token or --client-secret (or set MIZANI_TOKEN, "
                    + "MIZANI_ADMIN_SECRET or MIZANI_BOOTSTRAP_ADMIN_SECRET)");
        }
        String basic = Base64.getEncoder().encodeToString(
                (encode(clientId) + ":" + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl != null ? tokenUrl : baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("the token endpoint refused client " + clientId + " (" + answer.statusCode() + "): "
                    + answer.body());
        }
        token = json.readTree(answer.body()).path("access_token").asText();
        return token;
    }

    /** RFC 6749 §2.3.1: the client id and secret are form-encoded before they are put in the Basic header. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
