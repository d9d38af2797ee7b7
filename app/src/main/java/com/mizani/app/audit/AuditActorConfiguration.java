package com.mizani.app.audit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.EventBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Every command and event dispatched for an HTTP request names who made the request; Axon's correlation data
 * (see axon-config's AuditCorrelationConfiguration) carries that name on to everything the request causes. The
 * {@link ActorFilter} that finds the actor runs in the security filter chain (SecurityConfiguration), after
 * authentication.
 */
@Configuration(proxyBeanMethods = false)
public class AuditActorConfiguration {

    /** Events too: a refused provider callback is published straight from the request, outside any command. */
    @Autowired
    public void stampActors(CommandBus commandBus, EventBus eventBus) {
        commandBus.registerDispatchInterceptor(new ActorStampingInterceptor<>());
        eventBus.registerDispatchInterceptor(new ActorStampingInterceptor<>());
    }
}
