package com.mizani.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Persistent deadlines: Axon's db-scheduler deadline manager on the {@code scheduled_tasks} table (Flyway-owned).
 * A deadline scheduled by a saga is a row written in the saga's own transaction (through the transaction-aware data
 * source), so it exists exactly when the saga state that expects it does, and it survives restarts. Any node may
 * run a due deadline; db-scheduler's row claim makes sure one does.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean
    public DbSchedulerDeadlineManagerSupplier deadlineManagerSupplier() {
        return new DbSchedulerDeadlineManagerSupplier();
    }

    @Bean(destroyMethod = "")
    public Scheduler deadlineScheduler(DataSource dataSource, DbSchedulerDeadlineManagerSupplier supplier,
                                       AxonTuning tuning) {
        Task<DbSchedulerBinaryDeadlineDetails> deadlineTask = DbSchedulerDeadlineManager.binaryTask(supplier);
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), deadlineTask)
                .tableName("scheduled_tasks")
                .threads(tuning.deadlineThreads())
                .pollingInterval(Duration.ofMillis(tuning.deadlinePollingMs()))
                // A node killed while running a deadline leaves it picked; others revive it after a few missed
                // heartbeats, so a short heartbeat keeps a payout's status query from waiting minutes after a crash.
                .heartbeatInterval(Duration.ofSeconds(5))
                .build();
    }

    /** The scheduler starts with Axon (after the sagas it calls back are ready) and stops with it. */
    @Bean
    public DeadlineManager deadlineManager(Scheduler deadlineScheduler, DbSchedulerDeadlineManagerSupplier supplier,
                                           Configuration configuration, TransactionManager transactions,
                                           Serializer serializer) {
        DbSchedulerDeadlineManager manager = new FiredDeadlineTolerantManager(DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(true)
                .stopScheduler(true), deadlineScheduler);
        supplier.set(manager);
        return manager;
    }
}
