package com.mizani.app.embedded;

import com.mizani.app.mode.ConditionalOnLocalMode;
import com.mizani.app.mode.LocalPart;
import com.mizani.provider.mpesa.callback.CallbackSettings;
import com.mizani.provider.mpesa.outbound.DarajaEndpoint;
import com.mizani.provider.mpesa.outbound.ProviderProperties;
import com.mizani.providersim.Faults;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.providersim.SimulatorConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * With no {@code mizani.provider.base-url}, Mizani starts the M-Pesa simulator on its own port and pays through it
 * (the embedded default: a fresh machine runs the whole payment flow with one command). The simulator keeps its
 * ledger in memory, so a restart of the app starts a fresh simulated provider. Never in production mode.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnLocalMode
@ConditionalOnExpression("'${mizani.provider.base-url:}'.isBlank()")
public class EmbeddedSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);

    @Bean(destroyMethod = "close")
    public EmbeddedSimulator embeddedSimulator(ProviderProperties properties, CallbackSettings callbacks) {
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

    /** The provider adapter pays through the simulator in place of a configured base URL. */
    @Bean
    public DarajaEndpoint embeddedSimulatorEndpoint(EmbeddedSimulator embedded) {
        return new DarajaEndpoint(embedded.simulator().baseUri());
    }

    @Bean
    public LocalPart providerSimulatorPart(EmbeddedSimulator embedded) {
        return new LocalPart("provider", "M-Pesa simulator", Map.of(
                "baseUrl", embedded.simulator().baseUri().toString(),
                "ledger", "in memory, fresh at every start"));
    }

    /** The simulator this app started. */
    public record EmbeddedSimulator(ProviderSimulator simulator) implements AutoCloseable {
        @Override
        public void close() {
            simulator.close();
        }
    }
}
