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

import java.util.UUID;

/**
 * What every payment saga does with the provider after sending its one request: record the acknowledgement, wait
 * for the result callback, ask for the status when the result is overdue or the request's fate unknown (on
 * persistent deadlines, backing off), hand the payment to an operator after {@link PaymentTimings#maxStatusQueries()}
 * unanswered questions, and end with the payment's outcome. The result itself never passes through the saga: the
 * callback goes to the payment, which settles or fails it, and the saga ends on that event.
 */
abstract class ProviderConversation {

    static final String RESULT_OVERDUE = "payment-result-overdue";
    static final String STATUS_QUERY_DUE = "payment-status-query-due";

    protected UUID paymentId;
    protected String providerReference;
    protected int statusQueries;

    /** Asks the provider once what became of the payment; the answer may come back now or by callback. */
    protected abstract void queryStatus(ProviderGateway provider, CommandGateway commands);

    /** Records the provider's synchronous answer to the one money request this saga sends. */
    protected void recordAnswer(SubmitAnswer answer, CommandGateway commands) {
        switch (answer) {
            case SubmitAnswer.Accepted accepted ->
                    commands.sendAndWait(new MarkPaymentSubmittedCommand(paymentId, accepted.reference()));
            case SubmitAnswer.Refused refused -> commands.sendAndWait(new ApplyProviderResultCommand(paymentId,
                    new ProviderResult(Evidence.REQUEST, ProviderResult.Outcome.NOT_PAID, refused.code(),
                            refused.description(), null, null, null, null)));
            case SubmitAnswer.Unknown unknown ->
                    commands.sendAndWait(new MarkPaymentAmbiguousCommand(paymentId, unknown.reason()));
        }
    }

    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentSubmittedEvent event, DeadlineManager deadlines, PaymentTimings timings) {
        providerReference = event.providerReference();
        deadlines.schedule(timings.resultWait(), RESULT_OVERDUE);
    }

    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentAmbiguousEvent event, DeadlineManager deadlines, PaymentTimings timings) {
        cancelDeadlines(deadlines);
        deadlines.schedule(timings.delayBeforeQuery(statusQueries + 1), STATUS_QUERY_DUE);
    }

    // The deadline message comes first: a deadline handler's first parameter is otherwise taken for its payload.
    @DeadlineHandler(deadlineName = RESULT_OVERDUE)
    public void resultOverdue(DeadlineMessage<?> deadline, ProviderGateway provider, CommandGateway commands,
                              DeadlineManager deadlines, PaymentTimings timings) {
        askForStatus(provider, commands, deadlines, timings);
    }

    @DeadlineHandler(deadlineName = STATUS_QUERY_DUE)
    public void statusQueryDue(DeadlineMessage<?> deadline, ProviderGateway provider, CommandGateway commands,
                               DeadlineManager deadlines, PaymentTimings timings) {
        askForStatus(provider, commands, deadlines, timings);
    }

    /** The next question is scheduled whatever this one gets, in case its answer never comes. */
    private void askForStatus(ProviderGateway provider, CommandGateway commands, DeadlineManager deadlines,
                              PaymentTimings timings) {
        if (statusQueries >= timings.maxStatusQueries()) {
            commands.sendAndWait(new RequirePaymentReviewCommand(paymentId,
                    "no definitive answer from the provider after " + statusQueries + " status queries"));
            return;
        }
        statusQueries++;
        queryStatus(provider, commands);
        deadlines.schedule(timings.delayBeforeQuery(statusQueries + 1), STATUS_QUERY_DUE);
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

    private static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(RESULT_OVERDUE);
        deadlines.cancelAllWithinScope(STATUS_QUERY_DUE);
    }
}
