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

    /**
     * A segment's claim is renewed every fifth of the token store's claim timeout, by its worker between batches and
     * by the coordinator while a batch runs long, so that a live node never loses its segments, while a dead node's
     * are taken over within the timeout (mizani.axon.claim-timeout-ms).
     */
    @Bean
    public ConfigurerModule claimsRenewedWellWithinTheirTimeout(AxonTuning tuning) {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((configuration, builder) -> builder
                        .claimExtensionThreshold(tuning.claimTimeoutMs() / 5)
                        .enableCoordinatorClaimExtension());
    }
}
