package com.mizani.command.fx;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How FX quotes are issued.
 *
 * @param ttl how long a quote can be used after it is issued
 */
@ConfigurationProperties("mizani.fx.quotes")
public record FxQuoteSettings(@DefaultValue("60s") Duration ttl) {

    public FxQuoteSettings {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("mizani.fx.quotes.ttl must be positive: " + ttl);
        }
    }
}
