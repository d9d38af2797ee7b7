package com.mizani.outbound;

import com.mizani.outbound.webhook.WebhookFanOut;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The webhooks' processor starts at the store's head the first time it runs: an endpoint receives only the events
 * stored after it was registered, and none existed before this processor did, so there is nothing behind the head
 * to fan out. (Redelivery reaches back into the store when asked.)
 */
@Configuration(proxyBeanMethods = false)
public class OutboundProcessingConfiguration {

    @Bean
    public ConfigurerModule webhooksStartAtTheHead() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                WebhookFanOut.PROCESSING_GROUP,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }
}
