package com.mizani.axon;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The correlation data every message carries into the messages it causes. Axon's Spring Boot autoconfiguration
 * declares its {@link MessageOriginProvider} only when no {@link CorrelationDataProvider} bean exists, so declaring
 * the actor provider alone would silently drop correlation and trace ids: both are declared here. The providers are
 * static beans because Axon's configuration needs them before the deadline manager, which this class also needs.
 */
@Configuration(proxyBeanMethods = false)
public class AuditCorrelationConfiguration {

    @Bean
    public static CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    public static CorrelationDataProvider actorAndCommand() {
        return new ActorCorrelationDataProvider();
    }

    /**
     * The command bus and the event processors apply correlation data providers; the db-scheduler deadline manager
     * does not, so without this a command sent by a deadline handler would lose the actor and the trace it came from.
     */
    @Autowired
    public void correlateDeadlines(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }
}
