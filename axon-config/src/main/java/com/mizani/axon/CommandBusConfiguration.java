package com.mizani.axon;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Autowired
    public void registerInterceptors(CommandBus commandBus) {
        commandBus.registerHandlerInterceptor(new RefusalCodeInterceptor());
    }
}
