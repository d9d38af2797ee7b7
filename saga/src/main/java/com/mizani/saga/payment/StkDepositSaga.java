package com.mizani.saga.payment;

import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.saga.provider.ProviderGateway;
import com.mizani.saga.provider.SubmitAnswer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.UUID;

/**
 * Drives one STK push deposit: sends the push once, then waits for the verified callback, which credits the wallet
 * without the saga. A callback that does not come in time is replaced by the provider's STK query, asked on
 * persistent deadlines with backoff; a push whose acknowledgement was lost has no CheckoutRequestID to ask with,
 * so it waits for the callback and, after the cap, goes to an operator (who can match it with the provider's
 * statement). The push is never sent twice: the customer would be prompted, and might pay, twice.
 */
@Saga
@ProcessingGroup(PaymentSagas.PROCESSING_GROUP)
public class StkDepositSaga {

    static final String RESULT_OVERDUE = "stk-result-overdue";
    static final String STATUS_QUERY_DUE = "stk-status-query-due";

    private UUID paymentId;
    private String checkoutRequestId;
    private int statusQueries;

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(MobileDepositAcceptedEvent event, ProviderGateway provider, CommandGateway commands) {
        paymentId = event.paymentId();
        SubmitAnswer answer = provider.requestStkPush(paymentId, event.amount(), event.msisdn());
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
        checkoutRequestId = event.providerReference();
        deadlines.schedule(timings.resultWait(), RESULT_OVERDUE);
    }

    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentAmbiguousEvent event, DeadlineManager deadlines, PaymentTimings timings) {
        cancelDeadlines(deadlines);
        deadlines.schedule(timings.delayBeforeQuery(statusQueries + 1), STATUS_QUERY_DUE);
    }

    // The deadline message comes first: a deadline handler's first parameter is otherwise taken for its payload.
    @DeadlineHandler(deadlineName = RESULT_OVERDUE)
    public void resultOverdue(DeadlineMessage<?> deadline, ProviderGateway provider, CommandGateway commands, DeadlineManager deadlines,
                              PaymentTimings timings) {
        askForStatus(provider, commands, deadlines, timings);
    }

    @DeadlineHandler(deadlineName = STATUS_QUERY_DUE)
    public void statusQueryDue(DeadlineMessage<?> deadline, ProviderGateway provider, CommandGateway commands, DeadlineManager deadlines,
                               PaymentTimings timings) {
        askForStatus(provider, commands, deadlines, timings);
    }

    /** The STK query answers at once: a definitive answer is applied now; anything else waits for the next one. */
    private void askForStatus(ProviderGateway provider, CommandGateway commands, DeadlineManager deadlines,
                              PaymentTimings timings) {
        if (statusQueries >= timings.maxStatusQueries()) {
            commands.sendAndWait(new RequirePaymentReviewCommand(paymentId,
                    "no definitive answer from the provider after " + statusQueries + " status queries"));
            return;
        }
        statusQueries++;
        boolean canAsk = checkoutRequestId != null;
        commands.sendAndWait(new RecordStatusQueryCommand(paymentId, statusQueries, canAsk));
        if (canAsk) {
            ProviderResult result = provider.queryStkPush(paymentId, checkoutRequestId);
            if (result.isDefinitive()) {
                commands.sendAndWait(new ApplyProviderResultCommand(paymentId, result));
            }
        }
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
