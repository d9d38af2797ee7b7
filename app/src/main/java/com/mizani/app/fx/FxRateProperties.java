package com.mizani.app.fx;

import com.mizani.command.fx.rates.CurrencyPair;
import com.mizani.command.fx.rates.SimulatedRates;
import com.mizani.command.fx.rates.SimulatorFault;
import com.mizani.command.fx.rates.Spreads;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where FX rates come from and how current they must be (docs/fx.md, Rate sources).
 *
 * @param baseUrl          the rate provider; blank in local mode prices with the embedded simulator (required in
 *                         production)
 * @param connectTimeoutMs how long a call to the provider may take to connect
 * @param requestTimeoutMs how long a call to the provider may take in all, body included
 * @param maxAgeMs         the oldest rate Mizani prices with, from the source's {@code asOf}
 * @param clockSkewMs      how far ahead of Mizani's clock a rate's {@code asOf} may be
 * @param retryAfterMs     the Retry-After of a refusal because the source is down or its rate stale
 * @param spreadBps        Mizani's spread on every pair without its own, in basis points
 * @param pairSpreadBps    spreads of single pairs ({@code KES-USD: 75}); one holds for the inverse pair too, unless
 *                         that has its own
 * @param simulator        the embedded simulator's rates and fault
 */
@ConfigurationProperties("mizani.fx.rates")
public record FxRateProperties(@DefaultValue("") String baseUrl,
                               @DefaultValue("2000") long connectTimeoutMs,
                               @DefaultValue("5000") long requestTimeoutMs,
                               @DefaultValue("30000") long maxAgeMs,
                               @DefaultValue("2000") long clockSkewMs,
                               @DefaultValue("5000") long retryAfterMs,
                               @DefaultValue("50") int spreadBps,
                               Map<String, Integer> pairSpreadBps,
                               @DefaultValue Simulator simulator) {

    /**
     * @param pairs rates by pair ({@code KES-USD: "0.0077"}, quoted in YAML so that it is read as written), laid over
     *              the built-in table ({@link SimulatedRates#DEFAULT}); a pair replaces the table's rate of the pair
     *              and of its inverse, and inverses not given are derived
     * @param fault the fault at start: NONE, OUTAGE or STALE (changed at run time at /api/v1/admin/fx-simulator)
     */
    public record Simulator(Map<String, BigDecimal> pairs, @DefaultValue("NONE") SimulatorFault fault) {

        public SimulatedRates rates() {
            return SimulatedRates.DEFAULT.with(byPair(pairs));
        }
    }

    public FxRateProperties {
        requirePositive("connect-timeout-ms", connectTimeoutMs);
        requirePositive("request-timeout-ms", requestTimeoutMs);
        requirePositive("max-age-ms", maxAgeMs);
        if (clockSkewMs < 0) {
            throw new IllegalArgumentException("mizani.fx.rates.clock-skew-ms must not be negative: " + clockSkewMs);
        }
        requirePositive("retry-after-ms", retryAfterMs);
    }

    public boolean usesProvider() {
        return baseUrl != null && !baseUrl.isBlank();
    }

    public URI providerUri() {
        return URI.create(baseUrl.strip());
    }

    public Spreads spreads() {
        return new Spreads(spreadBps, byPair(pairSpreadBps));
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(requestTimeoutMs);
    }

    public Duration maxAge() {
        return Duration.ofMillis(maxAgeMs);
    }

    public Duration clockSkew() {
        return Duration.ofMillis(clockSkewMs);
    }

    public Duration retryAfter() {
        return Duration.ofMillis(retryAfterMs);
    }

    private static <V> Map<CurrencyPair, V> byPair(Map<String, V> byKey) {
        Map<CurrencyPair, V> byPair = new LinkedHashMap<>();
        if (byKey != null) {
            byKey.forEach((key, value) -> {
                if (byPair.put(CurrencyPair.parse(key), value) != null) {
                    throw new IllegalArgumentException("the pair " + key + " is configured twice");
                }
            });
        }
        return byPair;
    }

    private static void requirePositive(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("mizani.fx.rates." + name + " must be positive: " + value);
        }
    }
}
