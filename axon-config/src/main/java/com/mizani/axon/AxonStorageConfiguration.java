package com.mizani.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSqlSchema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.sql.SQLException;

/**
 * Axon's JDBC storage on the tables Flyway creates ({@code db/migration/axon/V1__axon_store.sql}): snake_case names,
 * {@code bytea} payloads. Every store is declared here rather than left to autoconfiguration, so what holds the
 * events, tokens and sagas is visible in one place. With Axon Server the events live there instead; tokens and
 * sagas stay in PostgreSQL next to the projections they belong to.
 */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    /** Connections join the Spring transaction of the unit of work, so events, tokens and views commit together. */
    @Bean
    public ConnectionProvider connectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    /**
     * Global indexes come from a sequence and concurrent transactions commit out of order, so a reader meets holes
     * that a slower transaction fills later. Axon waits for a hole only while it is within {@code maxGapOffset}
     * events of the newest one; its default (10,000) is three or four seconds of traffic here, after which a
     * transaction that was merely slow (a PostgreSQL restart, a checkpoint) would have its events skipped by every
     * projection. So holes are waited for by time ({@code gapTimeoutMs}), with an offset that never binds first.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    public EventStorageEngine eventStorageEngine(ConnectionProvider connections, TransactionManager transactions,
                                                 EventSchema schema, PersistenceExceptionResolver exceptionResolver,
                                                 Serializer serializer,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 AxonTuning tuning) {
        return JdbcEventStorageEngine.builder()
                .gapTimeout(tuning.gapTimeoutMs())
                .maxGapOffset(tuning.maxGapOffset())
                .batchSize(tuning.eventFetchSize())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema)
                .dataType(byte[].class)
                .persistenceExceptionResolver(exceptionResolver)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }

    @Bean
    public TokenStore tokenStore(ConnectionProvider connections, TokenSchema schema, Serializer serializer,
                                 AxonTuning tuning) {
        return JdbcTokenStore.builder()
                .claimTimeout(Duration.ofMillis(tuning.claimTimeoutMs()))
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .contentType(byte[].class)
                .build();
    }

    @Bean
    public SagaStore<Object> sagaStore(ConnectionProvider connections, SagaSqlSchema schema, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connections)
                .sqlSchema(schema)
                .serializer(serializer)
                .build();
    }

    /** PostgreSQL's SQLSTATE for a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public SagaSqlSchema sagaSqlSchema() {
        return new PostgresSagaSqlSchema(SagaSchema.builder()
                .sagaEntryTable("saga_entry")
                .associationValueEntryTable("association_value_entry")
                .sagaIdColumn("saga_id")
                .sagaTypeColumn("saga_type")
                .revisionColumn("revision")
                .serializedSagaColumn("serialized_saga")
                .associationKeyColumn("association_key")
                .associationValueColumn("association_value")
                .build());
    }

    /**
     * A duplicate (aggregate id, sequence number) means another writer appended first: Axon must see it as a
     * concurrency conflict (retried), not as a storage failure.
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
            return false;
        };
    }
}
