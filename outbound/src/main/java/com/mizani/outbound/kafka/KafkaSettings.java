package com.mizani.outbound.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional Kafka stream of the public events (docs/webhooks.md, Kafka).
 *
 * @param bootstrapServers the brokers, host:port separated by commas; empty (the default) turns the stream off
 * @param topic            the topic the events go to, keyed by resource id
 * @param sendTimeoutMs    how long a batch of events may take to be acknowledged by the brokers; after it, the
 *                         batch is retried from the processor's token
 */
@ConfigurationProperties("mizani.kafka")
public record KafkaSettings(@DefaultValue("") String bootstrapServers,
                            @DefaultValue("mizani.events") String topic,
                            @DefaultValue("30000") long sendTimeoutMs) {

    public KafkaSettings {
        if (sendTimeoutMs < 2_000) {
            throw new IllegalArgumentException("mizani.kafka.send-timeout-ms must be 2000 or more");
        }
    }
}
