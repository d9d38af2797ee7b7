package com.mizani.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline which is firing at that moment is a no-op,
 * as cancelling one that has fired already is. db-scheduler refuses to cancel an execution it is running
 * ({@link TaskInstanceCurrentlyExecutingException}), and Axon cancels at prepare-commit, so without this a payout's
 * result callback that arrives while its status-query deadline fires fails the payment sagas' whole batch, and their
 * work package stops and starts again, holding up every payment of its segment. A firing deadline cannot be undone
 * anyway: its handler runs on the saga's state after the event, under the saga's lock, and a saga that has ended
 * ignores it. A deadline that starts firing (or finishes) between db-scheduler's look at it and its delete makes the
 * delete remove nothing, which db-scheduler reports as an {@link ExecutionException}: that is the same race, one
 * step later.
 */
final class FiredDeadlineTolerantManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(FiredDeadlineTolerantManager.class);

    private final Scheduler scheduler;

    FiredDeadlineTolerantManager(Builder builder, Scheduler scheduler) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException
                     | ExecutionException firedAlready) {
                log.debug("deadline {} ({}) is not pending any more, nothing to cancel", deadlineName, scheduleId);
            }
        });
    }
}
