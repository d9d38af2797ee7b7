package com.mizani.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A webhook receiver on localhost, as a client would run one: it records every request it is sent, in arrival
 * order, and answers what the test tells it to (by the request's number, from 1): a status, or a delay first. Its
 * signature check is written here from the Standard Webhooks scheme, not taken from Mizani's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived. */
    public record Received(String id, String timestamp, String signature, String body, long receivedAtMs) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }

        public String type() {
            return json().path("type").asText();
        }

        /** Whether one of the signatures is the HMAC of {@code id.timestamp.body} under {@code secret}. */
        public boolean signedWith(String secret) {
            return WebhookReceiver.verifies(secret, id, timestamp, body, signature);
        }
    }

    /** What to answer a request: a status, after a delay. */
    public record Answer(int status, Duration delay) {
        public static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }

        public static Answer after(Duration delay, int status) {
            return new Answer(status, delay);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntFunction<Answer> answers = number -> Answer.status(200);
    private volatile String redirectTo = "http://127.0.0.1:1/elsewhere";

    private WebhookReceiver(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static WebhookReceiver start() {
        return new WebhookReceiver(0);
    }

    /** On a given port: a receiver that comes up where connections were refused before. */
    public static WebhookReceiver startOn(int port) {
        return new WebhookReceiver(port);
    }

    public WebhookReceiver answering(IntFunction<Answer> answers) {
        this.answers = answers;
        return this;
    }

    /** Where a 3xx answer points. */
    public WebhookReceiver redirectingTo(String url) {
        this.redirectTo = url;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** The distinct webhook-ids received, in the order each first arrived. */
    public Set<String> distinctIds() {
        Set<String> ids = new LinkedHashSet<>();
        received.forEach(request -> ids.add(request.id()));
        return ids;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int number = requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                exchange.getRequestHeaders().getFirst("webhook-signature"), body, System.currentTimeMillis()));
        Answer answer = answers.apply(number);
        if (!answer.delay().isZero()) {
            try {
                Thread.sleep(answer.delay());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] reply = ("answer " + answer.status()).getBytes(StandardCharsets.UTF_8);
        if (answer.status() >= 300 && answer.status() < 400) {
            exchange.getResponseHeaders().add("Location", redirectTo);
        }
        exchange.sendResponseHeaders(answer.status(), reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }

    static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (signatureHeader == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String signature : signatureHeader.split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception unusable) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
