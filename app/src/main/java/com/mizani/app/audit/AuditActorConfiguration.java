package com.mizani.app.audit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Every command and event dispatched for an HTTP request names who made the request; Axon's correlation data
 * (see axon-config's AuditCorrelationConfiguration) carries that name on to everything the request causes.
 */
@Configuration(proxyBeanMethods = false)
public class AuditActorConfiguration {

    @Bean
    public FilterRegistrationBean<ActorFilter> actorFilter() {
        FilterRegistrationBean<ActorFilter> registration = new FilterRegistrationBean<>(new ActorFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Events too: a refused provider callback is published straight from the request, outside any command. */
    @Autowired
    public void stampActors(CommandBus commandBus, EventBus eventBus) {
        commandBus.registerDispatchInterceptor(new ActorStampingInterceptor<>());
        eventBus.registerDispatchInterceptor(new ActorStampingInterceptor<>());
    }
}
