package com.mizani.saga.payment;

import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.List;
import java.util.UUID;

/**
 * Drives one STK push deposit: sends the push once, after its saga transaction commits, then waits for the
 * verified callback, which credits the wallet. The STK query answers at once, so a definitive answer is applied as
 * soon as it comes. A push whose acknowledgement was lost has no CheckoutRequestID to ask with: it waits for the
 * callback and, after the cap, goes to an operator, who can match it with the provider's statement. The push is
 * never sent twice: the customer would be prompted, and might pay, twice.
 */
@Saga
@ProcessingGroup(PaymentSagas.PROCESSING_GROUP)
public class StkDepositSaga extends ProviderConversation {

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(MobileDepositAcceptedEvent event, ProviderCalls calls, DeadlineManager deadlines,
                   PaymentTimings timings) {
        paymentId = event.paymentId();
        requestOnce(provider -> provider.requestStkPush(event.paymentId(), event.amount(), event.msisdn()),
                calls, deadlines, timings);
    }

    @Override
    protected void queryStatus(ProviderCalls calls, CommandGateway commands) {
        if (providerReference == null) {
            commands.sendAndWait(new RecordStatusQueryCommand(paymentId, statusQueries, false));
            return;
        }
        UUID payment = paymentId;
        int attempt = statusQueries;
        String checkoutRequestId = providerReference;
        calls.ask(payment, provider -> {
            ProviderResult result = provider.queryStkPush(payment, checkoutRequestId);
            RecordStatusQueryCommand asked = new RecordStatusQueryCommand(payment, attempt, true);
            return result.isDefinitive() ? List.of(asked, new ApplyProviderResultCommand(payment, result)) : List.of(asked);
        });
    }
}
