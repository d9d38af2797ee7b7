package com.mizani.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManagerSupplier;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A payout's result callback can arrive while the saga's status-query deadline is firing; the saga then cancels a
 * deadline that db-scheduler is running. Run on real PostgreSQL with db-scheduler, as in the app.
 */
class FiredDeadlineTolerantManagerTest {

    private static final ScopeDescriptor SAGA = new SagaScopeDescriptor("PayoutSaga", "saga-1");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final CountDownLatch firing = new CountDownLatch(1);
    private final CountDownLatch letItFinish = new CountDownLatch(1);
    private Scheduler scheduler;
    private DbSchedulerDeadlineManager manager;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/axon").load().migrate();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void startScheduler() {
        new JdbcTemplate(dataSource).update("DELETE FROM scheduled_tasks");
        DbSchedulerDeadlineManagerSupplier supplier = new DbSchedulerDeadlineManagerSupplier();
        scheduler = Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(supplier))
                .tableName("scheduled_tasks")
                .pollingInterval(Duration.ofMillis(50))
                .build();
        manager = new FiredDeadlineTolerantManager(DbSchedulerDeadlineManager.builder()
                .scopeAwareProvider(scope -> Stream.of(new BlockingSaga()))
                .serializer(JacksonSerializer.defaultSerializer())
                .transactionManager(NoTransactionManager.INSTANCE)
                .startScheduler(false)
                .stopScheduler(false), scheduler);
        supplier.set(manager);
        scheduler.start();
    }

    @AfterEach
    void stopScheduler() {
        letItFinish.countDown();
        scheduler.stop();
    }

    @Test
    void cancellingADeadlineWhileItFiresLetsTheCancellingUnitOfWorkCommit() throws InterruptedException {
        String id = manager.schedule(Instant.now(), "status-query", "query the provider", SAGA);
        assertThat(firing.await(10, TimeUnit.SECONDS)).as("the deadline fires").isTrue();
        assertThatThrownBy(() -> scheduler.cancel(new DbSchedulerDeadlineToken(id)))
                .as("db-scheduler on its own refuses").isInstanceOf(TaskInstanceCurrentlyExecutingException.class);

        UnitOfWork<?> settlement = DefaultUnitOfWork.startAndGet(null);
        manager.cancelSchedule("status-query", id);

        assertThatCode(settlement::commit).doesNotThrowAnyException();
    }

    @Test
    void aPendingDeadlineIsStillCancelled() {
        String id = manager.schedule(Instant.now().plusSeconds(3600), "status-query", "query the provider", SAGA);
        assertThat(scheduledTasks()).isEqualTo(1);

        manager.cancelSchedule("status-query", id);

        assertThat(scheduledTasks()).isZero();
    }

    @Test
    void cancellingADeadlineThatHasFiredAndGoneIsANoOp() {
        letItFinish.countDown();
        String id = manager.schedule(Instant.now(), "status-query", "query the provider", SAGA);
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledTasks() == 0);

        assertThatCode(() -> manager.cancelSchedule("status-query", id)).doesNotThrowAnyException();
    }

    private int scheduledTasks() {
        Integer rows = new JdbcTemplate(dataSource).queryForObject("SELECT count(*) FROM scheduled_tasks", Integer.class);
        return rows == null ? 0 : rows;
    }

    /** A saga whose deadline handler is held inside its run until the test lets it finish. */
    private final class BlockingSaga implements ScopeAware {

        @Override
        public void send(Message<?> message, ScopeDescriptor scope) throws InterruptedException {
            firing.countDown();
            letItFinish.await(30, TimeUnit.SECONDS);
        }

        @Override
        public boolean canResolve(ScopeDescriptor scope) {
            return true;
        }
    }
}
