package com.mizani.app.provider;

import com.mizani.app.mode.ConditionalOnLocalMode;
import com.mizani.app.mode.LocalPart;
import com.mizani.app.provider.EmbeddedSimulatorConfiguration.EmbeddedSimulator;
import com.mizani.command.provider.CallbackSettings;
import com.mizani.saga.payment.PaymentTimings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * The provider gateway, pointed at {@code mizani.provider.base-url}, or in local mode at the simulator
 * {@link EmbeddedSimulatorConfiguration} starts when no URL is set.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    /**
     * Callbacks signed with the published development secret authenticate nothing; in local mode that is allowed,
     * and said. (Production mode refuses to start with it.)
     */
    @Bean
    @ConditionalOnLocalMode
    @ConditionalOnProperty(name = "mizani.provider.callbacks.secret", havingValue = CallbackSettings.DEVELOPMENT_SECRET,
            matchIfMissing = true)
    public LocalPart developmentCallbackSecretPart() {
        return new LocalPart("callback-secret", "development callback secret, published in application.yml",
                Map.of("value", CallbackSettings.DEVELOPMENT_SECRET));
    }

    @Bean
    public DarajaGateway providerGateway(ProviderProperties properties, ObjectProvider<EmbeddedSimulator> embedded,
                                         CallbackUrls callbackUrls) {
        URI base = providerBase(properties, embedded.getIfAvailable());
        DarajaClient client = new DarajaClient(() -> base, properties, Clock.systemUTC());
        return new DarajaGateway(client, properties, callbackUrls, Clock.systemUTC());
    }

    @Bean
    public PaymentTimings paymentTimings(PaymentDeadlineProperties properties) {
        return properties.timings();
    }

    /** Pay-bill confirmations need our URL registered with the provider, which needs our port: so, once ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerC2bUrls(ApplicationReadyEvent ready) {
        ObjectProvider<DarajaGateway> gateway = ready.getApplicationContext().getBeanProvider(DarajaGateway.class);
        gateway.ifAvailable(DarajaGateway::registerC2bUrls);
    }

    /** The simulator when this app started one, else the configured provider; never nothing. */
    static URI providerBase(ProviderProperties properties, EmbeddedSimulator embedded) {
        if (embedded != null) {
            return embedded.simulator().baseUri();
        }
        if (properties.baseUrl().isBlank()) {
            throw new IllegalStateException("no provider: set mizani.provider.base-url (MPESA_BASE_URL)");
        }
        return URI.create(properties.baseUrl());
    }
}
