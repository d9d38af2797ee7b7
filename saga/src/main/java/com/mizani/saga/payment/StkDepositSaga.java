package com.mizani.saga.payment;

import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.saga.provider.ProviderGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Drives one STK push deposit: sends the push once, then waits for the verified callback, which credits the wallet.
 * The STK query answers at once, so a definitive answer is applied here. A push whose acknowledgement was lost has
 * no CheckoutRequestID to ask with: it waits for the callback and, after the cap, goes to an operator, who can
 * match it with the provider's statement. The push is never sent twice: the customer would be prompted, and might
 * pay, twice.
 */
@Saga
@ProcessingGroup(PaymentSagas.PROCESSING_GROUP)
public class StkDepositSaga extends ProviderConversation {

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(MobileDepositAcceptedEvent event, ProviderGateway provider, CommandGateway commands) {
        paymentId = event.paymentId();
        recordAnswer(provider.requestStkPush(paymentId, event.amount(), event.msisdn()), commands);
    }

    @Override
    protected void queryStatus(ProviderGateway provider, CommandGateway commands) {
        boolean canAsk = providerReference != null;
        commands.sendAndWait(new RecordStatusQueryCommand(paymentId, statusQueries, canAsk));
        if (canAsk) {
            ProviderResult result = provider.queryStkPush(paymentId, providerReference);
            if (result.isDefinitive()) {
                commands.sendAndWait(new ApplyProviderResultCommand(paymentId, result));
            }
        }
    }
}
