package com.mizani.provider.mpesa.outbound;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.net.URI;
import java.time.Clock;

/**
 * The provider gateway, pointed at {@code mizani.provider.base-url}, or at the {@link DarajaEndpoint} the
 * application provides itself (the simulator local mode starts when no URL is set).
 */
@Configuration(proxyBeanMethods = false)
public class DarajaGatewayConfiguration {

    @Bean
    public DarajaGateway providerGateway(ProviderProperties properties, ObjectProvider<DarajaEndpoint> provided,
                                         CallbackUrls callbackUrls) {
        URI base = providerBase(properties, provided.getIfAvailable());
        DarajaClient client = new DarajaClient(() -> base, properties, Clock.systemUTC());
        return new DarajaGateway(client, properties, callbackUrls, Clock.systemUTC());
    }

    /** Pay-bill confirmations need our URL registered with the provider, which needs our port: so, once ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void registerC2bUrls(ApplicationReadyEvent ready) {
        ObjectProvider<DarajaGateway> gateway = ready.getApplicationContext().getBeanProvider(DarajaGateway.class);
        gateway.ifAvailable(DarajaGateway::registerC2bUrls);
    }

    /** The endpoint the application provides when it has one, else the configured provider; never nothing. */
    static URI providerBase(ProviderProperties properties, DarajaEndpoint provided) {
        if (provided != null) {
            return provided.baseUri();
        }
        if (properties.baseUrl().isBlank()) {
            throw new IllegalStateException("no provider: set mizani.provider.base-url (MPESA_BASE_URL)");
        }
        return URI.create(properties.baseUrl());
    }
}
