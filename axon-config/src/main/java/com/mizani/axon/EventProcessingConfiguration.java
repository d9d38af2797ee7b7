package com.mizani.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that cannot apply an event must stop and retry it, never skip it. Axon's default logs a handler's
 * exception and carries on with the next event, which would leave a balance without its entry, forever.
 * Propagating the exception rolls the batch and its token back, and the processor retries from the token.
 */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    @Bean
    public ConfigurerModule failedEventsAreRetriedNotSkipped() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
