package com.mizani.app.payment;

import com.mizani.saga.payment.PaymentTimings;
import com.mizani.saga.payment.ProviderCalls;
import com.mizani.saga.provider.ProviderGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** What the payment sagas are given: their timings, and the runner of their provider requests. */
@Configuration(proxyBeanMethods = false)
public class PaymentSagaConfiguration {

    @Bean
    public PaymentTimings paymentTimings(PaymentDeadlineProperties properties) {
        return properties.timings();
    }

    @Bean
    public ProviderCalls providerCalls(ProviderGateway provider, CommandGateway commands,
                                       ProviderCallProperties properties) {
        return new ProviderCalls(provider, commands, properties.maxInFlight());
    }

    /**
     * At shutdown, provider requests in flight finish and record their answers once the event processors and
     * deadlines have stopped (so no new request is decided), while commands are still handled. The runner is
     * looked up then, not injected: it needs the command gateway, which needs Axon's configuration, which needs
     * this module.
     */
    @Bean
    public ConfigurerModule providerCallsFinishAtShutdown(ObjectProvider<ProviderCalls> calls,
                                                          ProviderCallProperties properties) {
        return configurer -> configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> calls.ifAvailable(
                running -> running.finishInFlight(Duration.ofMillis(properties.shutdownWaitMs()))));
    }
}
