package com.mizani.app.fx;

import com.mizani.command.fx.RateSource;
import com.mizani.command.fx.rates.FreshRates;
import com.mizani.command.fx.rates.HttpRateSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** With {@code mizani.fx.rates.base-url}, in either mode, rates come from that provider over HTTP. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${mizani.fx.rates.base-url:}'.isBlank()")
public class HttpRatesConfiguration {

    /** The one RateSource of the application: the provider behind the freshness check. */
    @Bean
    public RateSource rateSource(FxRateProperties settings, ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfAvailable(Clock::systemUTC);
        HttpRateSource provider = new HttpRateSource(settings.providerUri(), settings.connectTimeout(),
                settings.requestTimeout(), settings.spreads(), settings.retryAfter());
        return new FreshRates(provider, clock, settings.maxAge(), settings.clockSkew(), settings.retryAfter());
    }
}
