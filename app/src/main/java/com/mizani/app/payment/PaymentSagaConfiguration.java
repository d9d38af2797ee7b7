package com.mizani.app.payment;

import com.mizani.command.payment.PaymentSettings;
import com.mizani.command.payment.SettleWindow;
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

/** The payment settings, and what the payment sagas are given: their timings, and the runner of their provider requests. */
@Configuration(proxyBeanMethods = false)
public class PaymentSagaConfiguration {

    @Bean
    public PaymentSettings paymentSettings(PaymentProperties properties) {
        return properties.settings();
    }

    @Bean
    public SettleWindow settleWindow(PaymentProperties properties) {
        return properties.settleWindow();
    }

    @Bean
    public PaymentTimings paymentTimings(PaymentProperties properties) {
        return properties.deadlines().timings();
    }

    @Bean
    public ProviderCalls providerCalls(ProviderGateway provider, CommandGateway commands,
                                       PaymentProperties properties) {
        return new ProviderCalls(provider, commands, properties.providerCalls().maxInFlight());
    }

    /**
     * At shutdown, provider requests in flight finish and record their answers once the event processors and
     * deadlines have stopped (so no new request is decided), while commands are still handled. The runner is
     * looked up then, not injected: it needs the command gateway, which needs Axon's configuration, which needs
     * this module.
     */
    @Bean
    public ConfigurerModule providerCallsFinishAtShutdown(ObjectProvider<ProviderCalls> calls,
                                                          PaymentProperties properties) {
        return configurer -> configurer.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 1, () -> calls.ifAvailable(
                running -> running.finishInFlight(Duration.ofMillis(properties.providerCalls().shutdownWaitMs()))));
    }
}
