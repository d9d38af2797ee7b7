package com.mizani.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Axon's units of work run in Spring transactions: a command's events commit together, and a projection's rows
 * commit together with the processor's token. Declared here because Axon 4's autoconfiguration looks for Spring
 * Boot 3's transaction autoconfiguration to order itself after; under Boot 4 it can miss the transaction manager
 * and fall back to no transactions at all, each statement committing on its own.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new SpringTransactionManager(transactions);
    }
}
