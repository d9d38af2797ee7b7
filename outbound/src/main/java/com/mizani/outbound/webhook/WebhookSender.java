package com.mizani.outbound.webhook;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One signed POST of a message to an endpoint (docs/webhooks.md, Signatures): Standard Webhooks headers, a
 * signature per valid secret, redirects never followed (a redirect could lead into a refused network), timeouts on
 * connect and on the whole answer, and at most the first bytes of the answer read.
 */
@Component
public class WebhookSender {

    static final int EXCERPT_BYTES = 512;

    /** What one attempt brought: a status (2xx delivered), or no answer and why. */
    public record Sent(Instant at, Integer statusCode, long latencyMs, String responseExcerpt, String error) {
        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final HttpClient http;
    private final Duration readTimeout;
    private final EndpointUrls urls;
    private final Clock clock;

    public WebhookSender(WebhookSettings settings, EndpointUrls urls) {
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
                .build();
        this.readTimeout = Duration.ofMillis(settings.readTimeoutMs());
        this.urls = urls;
        this.clock = Clock.systemUTC();
    }

    public Sent send(String url, List<String> secrets, String messageId, byte[] body) {
        Instant at = clock.instant();
        long started = System.nanoTime();
        URI uri = URI.create(url);
        String refusal = urls.addressRefusal(uri.getHost());
        if (refusal != null) {
            return new Sent(at, null, 0, null, "not sent: " + refusal);
        }
        long timestamp = at.getEpochSecond();
        String signatures = secrets.stream()
                .map(secret -> WebhookSecrets.sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Mizani-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream answer = response.body()) {
                // Text columns take no NUL character; a binary answer keeps the rest of its bytes.
                excerpt = new String(answer.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8).replace("\u0000", "");
            }
            return new Sent(at, response.statusCode(), elapsedMs(started), excerpt, null);
        } catch (HttpConnectTimeoutException timedOut) {
            return new Sent(at, null, elapsedMs(started), null, "connect timed out");
        } catch (HttpTimeoutException timedOut) {
            return new Sent(at, null, elapsedMs(started), null, "no answer within " + readTimeout.toMillis() + " ms");
        } catch (ConnectException refused) {
            return new Sent(at, null, elapsedMs(started), null, "connection refused");
        } catch (IOException broken) {
            return new Sent(at, null, elapsedMs(started), null, describe(broken));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Sent(at, null, elapsedMs(started), null, "interrupted (the node is stopping)");
        }
    }

    private static String describe(IOException broken) {
        String message = broken.getMessage();
        return broken.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
