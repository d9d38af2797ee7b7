package com.mizani.axon.catchup;

import com.mizani.axon.AxonTuning;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * The source the projections' processors read (each names it as its {@code source} in application.yml) and the
 * wait that lets a read see the writes answered before it.
 */
@Configuration(proxyBeanMethods = false)
public class CatchUpConfiguration {

    /** The bean name the processors' {@code source} setting refers to. */
    public static final String PROJECTION_SOURCE = "projectionSource";

    @Bean(name = PROJECTION_SOURCE)
    public WakeableEventSource projectionSource(EventStore eventStore, AxonTuning tuning) {
        return new WakeableEventSource(eventStore, Duration.ofMillis(tuning.projectionPollMs()));
    }

    @Bean
    public ProjectionCatchUp projectionCatchUp(EventProcessingConfiguration processing, WakeableEventSource source,
                                               JdbcTemplate jdbc, Serializer serializer) {
        return new ProjectionCatchUp(processing, source, jdbc, serializer);
    }
}
