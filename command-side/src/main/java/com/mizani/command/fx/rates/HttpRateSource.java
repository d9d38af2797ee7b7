package com.mizani.command.fx.rates;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mizani.command.fx.FxRate;
import com.mizani.command.fx.RateSource;
import com.mizani.command.support.RetryLater;
import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import com.mizani.kernel.money.CurrencyCode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A rate provider over HTTP (docs/fx.md, Rate sources): {@code GET {baseUrl}/v1/rates?from=KES&to=USD} answers
 * {@code {"from":"KES","to":"USD","rate":"0.0077","asOf":"2026-12-02T10:00:00Z"}}, the rate a JSON string or number
 * read exactly as a decimal. 404 means the provider does not quote the pair (FX_PAIR_UNSUPPORTED); anything else
 * that is not such an answer (no connection, no answer in time, 5xx, a body that does not read) is FX_UNAVAILABLE
 * with a Retry-After. The spread is Mizani's, never the provider's.
 */
public final class HttpRateSource implements RateSource {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final URI baseUrl;
    private final String source;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Spreads spreads;
    private final Duration retryAfter;

    public HttpRateSource(URI baseUrl, Duration connectTimeout, Duration requestTimeout, Spreads spreads,
                          Duration retryAfter) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.source = baseUrl.getHost() != null ? baseUrl.getHost() : baseUrl.toString();
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.spreads = Objects.requireNonNull(spreads, "spreads");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    @Override
    public FxRate current(CurrencyCode from, CurrencyCode to) {
        if (from == to) {
            throw new MizaniException(ErrorCode.FX_PAIR_UNSUPPORTED, "a pair joins two different currencies");
        }
        HttpResponse<String> answer = fetch(from, to);
        if (answer.statusCode() == 404) {
            throw new MizaniException(ErrorCode.FX_PAIR_UNSUPPORTED,
                    "the FX rate provider does not quote %s-%s".formatted(from, to));
        }
        if (answer.statusCode() != 200) {
            throw unavailable("answered HTTP " + answer.statusCode());
        }
        return read(answer.body(), from, to);
    }

    private HttpResponse<String> fetch(CurrencyCode from, CurrencyCode to) {
        HttpRequest request = HttpRequest.newBuilder(ratesUri(from, to))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET()
                .build();
        // The request timeout of HttpClient ends when the headers arrive; this bounds the body as well.
        CompletableFuture<HttpResponse<String>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            call.cancel(true);
            throw unavailable("did not answer within " + requestTimeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            // The cause's class says enough (ConnectException, HttpTimeoutException); its message may name addresses.
            throw unavailable("could not be reached (" + failed.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException interrupted) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable("was not waited for: the request was interrupted");
        }
    }

    private URI ratesUri(CurrencyCode from, CurrencyCode to) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/v1/rates?from=" + from + "&to=" + to);
    }

    private FxRate read(String body, CurrencyCode from, CurrencyCode to) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer == null || !answer.isObject()) {
                throw unavailable("answered something that is not a JSON object");
            }
            if (!from.name().equals(answer.path("from").asText(null)) || !to.name().equals(answer.path("to").asText(null))) {
                throw unavailable("answered for %s-%s when asked for %s-%s".formatted(
                        answer.path("from").asText(), answer.path("to").asText(), from, to));
            }
            BigDecimal rate = rate(answer.path("rate"));
            Instant asOf = Instant.parse(answer.path("asOf").asText(""));
            return new FxRate(from, to, rate, spreads.bpsOf(from, to), asOf, source);
        } catch (IOException | DateTimeParseException unreadable) {
            throw unavailable("answered a body that does not read as a rate");
        }
    }

    /** Exactly as written: a JSON number is read as a decimal (never through a double), or a string is parsed. */
    private BigDecimal rate(JsonNode rate) {
        BigDecimal value;
        if (rate.isNumber()) {
            value = rate.decimalValue();
        } else if (rate.isTextual()) {
            try {
                value = new BigDecimal(rate.textValue().strip());
            } catch (NumberFormatException notANumber) {
                throw unavailable("answered a rate that is not a number");
            }
        } else {
            throw unavailable("answered without a rate");
        }
        if (value.signum() <= 0) {
            throw unavailable("answered a rate that is not positive: " + value.toPlainString());
        }
        return value;
    }

    private RetryLater unavailable(String what) {
        return new RetryLater(ErrorCode.FX_UNAVAILABLE, "the FX rate provider " + what, retryAfter);
    }
}
