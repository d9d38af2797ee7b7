package com.mizani.outbound.kafka;

import com.mizani.outbound.event.Publication;
import com.mizani.outbound.event.PublicEvent;
import com.mizani.outbound.event.PublicEventBatch;
import com.mizani.outbound.event.StoredEvent;
import com.mizani.outbound.webhook.WebhookBodies;
import com.mizani.query.support.ProjectionBatch;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The public events to a Kafka topic, from a tracking processor of its own: each batch of the store's events is sent
 * and acknowledged by the brokers before the processor's token moves past it, so a committed event always reaches the
 * topic (at least once: a crash between the acknowledgement and the token's commit sends the batch again; consumers
 * deduplicate by the {@code id} header or field). Records are keyed by the resource id, so one resource's events share
 * a partition and keep the store's order; the producer is idempotent, so its own retries neither duplicate nor reorder.
 * A new stream starts at the store's first event. Never replayed by the projection replays.
 */
@Component
@ConditionalOnExpression("'${mizani.kafka.bootstrap-servers:}' != ''")
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
@DisallowReplay
public class KafkaPublisher implements AutoCloseable {

    public static final String PROCESSING_GROUP = "kafka";

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaSettings settings;
    private final PublicEventBatch publicEvents;
    private final WebhookBodies bodies;

    public KafkaPublisher(KafkaSettings settings, PublicEventBatch publicEvents, WebhookBodies bodies) {
        this.settings = settings;
        this.publicEvents = publicEvents;
        this.bodies = bodies;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "mizani-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) settings.sendTimeoutMs(),
                // Kafka wants the whole delivery to allow for one request and the linger.
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1_000, settings.sendTimeoutMs() / 2)),
                new StringSerializer(), new ByteArraySerializer());
    }

    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        batch().add(StoredEvent.of(event, token));
    }

    private List<StoredEvent> batch() {
        return ProjectionBatch.current(KafkaPublisher.class.getName(), ArrayList::new, this::send);
    }

    /** Sends the batch and waits for every acknowledgement; a failure fails the batch, which is then retried. */
    private void send(List<StoredEvent> batch) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Publication publication : publicEvents.publish(batch)) {
            PublicEvent event = publication.event();
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), event.resourceKey(),
                    bodies.of(event));
            record.headers().add("id", event.id().getBytes(StandardCharsets.UTF_8));
            record.headers().add("type", event.type().getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(record));
        }
        long deadline = System.nanoTime() + Duration.ofMillis(settings.sendTimeoutMs()).toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException | TimeoutException failed) {
            throw new IllegalStateException("Kafka did not take the batch; it is retried from the token", failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka took the batch", interrupted);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
