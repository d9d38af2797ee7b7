package com.mizani.saga.payment;

import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.saga.provider.ProviderGateway;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Drives one payout from its reservation to a definitive outcome. It sends the B2C request once, with the payment
 * id as the provider's originator id so the provider can deduplicate a request repeated by a redelivered event,
 * and never sends it a second time: an unknown outcome is resolved by the transaction status query, whose answer
 * comes back by callback ({@link ProviderConversation}).
 */
@Saga
@ProcessingGroup(PaymentSagas.PROCESSING_GROUP)
public class PayoutSaga extends ProviderConversation {

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(WithdrawalReservedEvent event, ProviderGateway provider, CommandGateway commands) {
        paymentId = event.paymentId();
        recordAnswer(provider.requestPayout(paymentId, event.amount(), event.msisdn()), commands);
    }

    @Override
    protected void queryStatus(ProviderGateway provider, CommandGateway commands) {
        boolean sent = provider.requestPayoutStatus(paymentId);
        commands.sendAndWait(new RecordStatusQueryCommand(paymentId, statusQueries, sent));
    }
}
