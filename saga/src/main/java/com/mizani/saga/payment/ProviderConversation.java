package com.mizani.saga.payment;

import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.saga.provider.ProviderGateway;
import com.mizani.saga.provider.SubmitAnswer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every payment saga does with the provider: decide its one money request, record the acknowledgement, wait
 * for the result callback, ask for the status when the result is overdue or the request's fate unknown (on
 * persistent deadlines, backing off), hand the payment to an operator after {@link PaymentTimings#maxStatusQueries()}
 * unanswered questions, and end with the payment's outcome. The result itself never passes through the saga: the
 * callback goes to the payment, which settles or fails it, and the saga ends on that event.
 *
 * <p>The saga decides; it never waits for the provider inside its transaction. Each request is recorded as intent
 * first (this saga's state and a persistent deadline, in the processor's transaction), sent by {@link ProviderCalls}
 * once that transaction has committed, and its answer recorded afterwards by the commands it makes. Every order of
 * events this allows is safe:
 * <ul>
 *   <li>the process dies before the request is sent, while it is in flight, or before its answer is recorded: the
 *       payment is still RESERVED (or REQUESTED) and {@link #RESULT_OVERDUE}, scheduled with the intent, fires and
 *       asks for the status. No path sends the money request again: only the saga's start sends it, and that
 *       handler runs again only if its transaction rolled back, when nothing was sent;</li>
 *   <li>the deadline fires while the request is still in flight: it asks for the status, which is harmless. The
 *       request cannot start later than {@link PaymentTimings#requestStartLimit()} after the decision, well before
 *       the deadline, so a "no such payout" answer is never followed by the payout being sent;</li>
 *   <li>the result callback overtakes the acknowledgement: the payment settles or fails on the callback, and the
 *       late acknowledgement changes nothing (the payment accepts it only while RESERVED or REQUESTED).</li>
 * </ul>
 */
abstract class ProviderConversation {

    static final String RESULT_OVERDUE = "payment-result-overdue";
    static final String STATUS_QUERY_DUE = "payment-status-query-due";

    protected UUID paymentId;
    protected String providerReference;
    protected int statusQueries;
    /**
     * The one deadline this saga has pending, by name and id, so that it is cancelled by its id. Cancelling "all
     * within the scope" makes db-scheduler read and deserialize every scheduled deadline of every payment, which with
     * a deadline per open payout grew with the backlog and took a quarter of the app's time under load.
     */
    protected String pendingDeadline;
    protected String pendingDeadlineId;
    /** False for a saga stored before deadlines were kept by id: its deadlines are cancelled by scope, as then. */
    protected boolean deadlinesById;

    /** Asks the provider once what became of the payment; the answer may come back now or by callback. */
    protected abstract void queryStatus(ProviderCalls calls, CommandGateway commands);

    /**
     * Records the intent to send the payment's one money request, which goes once this transaction commits. Until
     * its answer is recorded, {@link #RESULT_OVERDUE} stands in for it: if the answer never comes (a crash, a lost
     * command), the deadline asks the provider what became of the request.
     */
    protected void requestOnce(Function<ProviderGateway, SubmitAnswer> request, ProviderCalls calls,
                               DeadlineManager deadlines, PaymentTimings timings) {
        deadlinesById = true;
        schedule(deadlines, timings.resultWait(), RESULT_OVERDUE);
        UUID payment = paymentId;
        calls.requestOnce(payment, timings.requestStartLimit(), request, answer -> answerCommand(payment, answer));
    }

    /** The command that records the provider's synchronous answer to the money request. */
    static Object answerCommand(UUID paymentId, SubmitAnswer answer) {
        return switch (answer) {
            case SubmitAnswer.Accepted accepted -> new MarkPaymentSubmittedCommand(paymentId, accepted.reference());
            case SubmitAnswer.Refused refused -> new ApplyProviderResultCommand(paymentId,
                    new ProviderResult(Evidence.REQUEST, ProviderResult.Outcome.NOT_PAID, refused.code(),
                            refused.description(), null, null, null, null));
            case SubmitAnswer.Unknown unknown -> new MarkPaymentAmbiguousCommand(paymentId, unknown.reason());
        };
    }

    /** The acknowledgement replaces the wait for the answer with the wait for the result. */
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentSubmittedEvent event, DeadlineManager deadlines, PaymentTimings timings) {
        providerReference = event.providerReference();
        cancelDeadlines(deadlines);
        schedule(deadlines, timings.resultWait(), RESULT_OVERDUE);
    }

    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentAmbiguousEvent event, DeadlineManager deadlines, PaymentTimings timings) {
        cancelDeadlines(deadlines);
        schedule(deadlines, timings.delayBeforeQuery(statusQueries + 1), STATUS_QUERY_DUE);
    }

    // The deadline message comes first: a deadline handler's first parameter is otherwise taken for its payload.
    @DeadlineHandler(deadlineName = RESULT_OVERDUE)
    public void resultOverdue(DeadlineMessage<?> deadline, ProviderCalls calls, CommandGateway commands,
                              DeadlineManager deadlines, PaymentTimings timings) {
        askForStatus(calls, commands, deadlines, timings);
    }

    @DeadlineHandler(deadlineName = STATUS_QUERY_DUE)
    public void statusQueryDue(DeadlineMessage<?> deadline, ProviderCalls calls, CommandGateway commands,
                               DeadlineManager deadlines, PaymentTimings timings) {
        askForStatus(calls, commands, deadlines, timings);
    }

    /**
     * The next question is scheduled whatever this one gets, in case its answer never comes. The pending deadline
     * is usually the one that brought us here, and cancelling it is then a no-op; but when an event was handled
     * while this deadline fired, that event replaced it with another, which must not stay behind as a second chain.
     * (A saga stored before deadlines were kept by id has no id to cancel by, and keeps the old way.)
     */
    private void askForStatus(ProviderCalls calls, CommandGateway commands, DeadlineManager deadlines,
                              PaymentTimings timings) {
        if (deadlinesById) {
            cancelDeadlines(deadlines);
        }
        pendingDeadline = null;
        pendingDeadlineId = null;
        if (statusQueries >= timings.maxStatusQueries()) {
            commands.sendAndWait(new RequirePaymentReviewCommand(paymentId,
                    "no definitive answer from the provider after " + statusQueries + " status queries"));
            return;
        }
        statusQueries++;
        queryStatus(calls, commands);
        schedule(deadlines, timings.delayBeforeQuery(statusQueries + 1), STATUS_QUERY_DUE);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentConfirmedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentFailedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentReviewRequiredEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    private void schedule(DeadlineManager deadlines, Duration after, String deadline) {
        pendingDeadlineId = deadlines.schedule(after, deadline);
        pendingDeadline = deadline;
    }

    /** Cancelling a deadline that has already fired (its id is still here) changes nothing. */
    private void cancelDeadlines(DeadlineManager deadlines) {
        if (!deadlinesById) {
            deadlines.cancelAllWithinScope(RESULT_OVERDUE);
            deadlines.cancelAllWithinScope(STATUS_QUERY_DUE);
        } else if (pendingDeadlineId != null) {
            deadlines.cancelSchedule(pendingDeadline, pendingDeadlineId);
        }
        pendingDeadline = null;
        pendingDeadlineId = null;
    }
}
