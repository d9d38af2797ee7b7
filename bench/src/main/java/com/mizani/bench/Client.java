package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.providersim.CallbackSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The harness's HTTP client: one connection pool shared by all workers, HTTP/1.1 as most clients speak it. */
final class Client {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();

    Client(String base) {
        this.base = base;
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException notJson) {
                throw new UncheckedIOException(notJson);
            }
        }
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** A provider callback: the exact bytes, signed as the provider signs them. */
    Answer callback(String path, byte[] body, String signature) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header(CallbackSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static String transferJson(String source, String destination, String amount, String currency) {
        return "{\"sourceWalletId\":\"%s\",\"destinationWalletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"}"
                .formatted(source, destination, amount, currency);
    }

    static String withdrawalJson(String wallet, String amount, String currency, String msisdn) {
        return "{\"walletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\",\"msisdn\":\"%s\"}"
                .formatted(wallet, amount, currency, msisdn);
    }

    static String depositJson(String wallet, String amount, String currency) {
        return "{\"walletId\":\"%s\",\"amount\":\"%s\",\"currency\":\"%s\"}".formatted(wallet, amount, currency);
    }

    static String field(String json, String name) {
        try {
            return JSON.readTree(json).path(name).asText(null);
        } catch (IOException notJson) {
            return null;
        }
    }
}
