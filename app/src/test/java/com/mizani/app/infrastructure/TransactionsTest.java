package com.mizani.app.infrastructure;

import com.mizani.app.support.IntegrationTest;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon's units of work must run in real database transactions: otherwise a crash can leave a projection's rows
 * half written while its token has moved on (found by the chaos benchmark; Axon 4's autoconfiguration silently fell
 * back to no transactions under Spring Boot 4).
 */
class TransactionsTest extends IntegrationTest {

    @Autowired
    TransactionManager axonTransactions;

    @Test
    void unitsOfWorkRunInSpringTransactions() {
        AtomicBoolean active = new AtomicBoolean();

        axonTransactions.executeInTransaction(() -> active.set(TransactionSynchronizationManager.isActualTransactionActive()));

        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
        assertThat(active).isTrue();
    }
}
