package com.mizani.axon;

import com.mizani.axon.catchup.CatchUpConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything Mizani adds to Axon's own autoconfiguration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxonTuning.class)
@Import({AxonStorageConfiguration.class, AxonSerializationConfiguration.class, AggregateConfiguration.class,
        CommandBusConfiguration.class, EventProcessingConfiguration.class,
        TransactionConfiguration.class, DeadlineConfiguration.class, AuditCorrelationConfiguration.class,
        CatchUpConfiguration.class})
public class AxonConfiguration {
}
