package com.mizani.app.provider;

import com.mizani.command.provider.CallbackSettings;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.providersim.SimulatorConfig;
import com.mizani.saga.payment.PaymentTimings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;

/**
 * The provider gateway, pointed at {@code mizani.provider.base-url}, or at the simulator this app starts on its own
 * port when no URL is set (the embedded default: a fresh machine runs the whole payment flow with one command).
 * The embedded simulator keeps its ledger in memory, so a restart of the app starts a fresh simulated provider.
 */
@Configuration(proxyBeanMethods = false)
public class ProviderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProviderConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedSimulator embeddedSimulator(ProviderProperties properties, CallbackSettings callbacks) {
        if (!properties.usesEmbeddedSimulator()) {
            return new EmbeddedSimulator(null);
        }
        ProviderSimulator simulator = new ProviderSimulator();
        try {
            simulator.start(new SimulatorConfig(properties.simulatorPort(), properties.consumerKey(),
                    properties.consumerSecret(), callbacks.secret(), properties.simulatorSeed(),
                    SimulatorConfig.DEFAULT_STARTING_FLOAT, Faults.NONE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded provider simulator on port "
                    + properties.simulatorPort() + " (set mizani.provider.simulator-port, or mizani.provider.base-url)", e);
        }
        log.info("embedded M-Pesa simulator listening on {}", simulator.baseUri());
        return new EmbeddedSimulator(simulator);
    }

    @Bean
    public DarajaGateway providerGateway(ProviderProperties properties, EmbeddedSimulator embedded,
                                         CallbackUrls callbackUrls) {
        URI base = embedded.simulator() != null ? embedded.simulator().baseUri() : URI.create(properties.baseUrl());
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

    /** The simulator this app started, or none when a real provider (or an outside simulator) is configured. */
    public record EmbeddedSimulator(ProviderSimulator simulator) implements AutoCloseable {
        @Override
        public void close() {
            if (simulator != null) {
                simulator.close();
            }
        }
    }
}
