package com.mizani.saga.payment;

import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.List;
import java.util.UUID;

/**
 * Drives one payout from its reservation to a definitive outcome. It sends the B2C request once, after the
 * reservation's saga transaction commits, with the payment id as the provider's originator id so the provider can
 * deduplicate, and never sends it a second time: an unknown outcome is resolved by the transaction status query,
 * whose answer comes back by callback ({@link ProviderConversation}).
 */
@Saga
@ProcessingGroup(PaymentSagas.PROCESSING_GROUP)
public class PayoutSaga extends ProviderConversation {

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(WithdrawalReservedEvent event, ProviderCalls calls, DeadlineManager deadlines,
                   PaymentTimings timings) {
        paymentId = event.paymentId();
        requestOnce(provider -> provider.requestPayout(event.paymentId(), event.amount(), event.msisdn()),
                calls, deadlines, timings);
    }

    /** The question goes after commit; whether it got through is recorded once it has been asked. */
    @Override
    protected void queryStatus(ProviderCalls calls, CommandGateway commands) {
        UUID payment = paymentId;
        int attempt = statusQueries;
        calls.ask(payment, provider ->
                List.of(new RecordStatusQueryCommand(payment, attempt, provider.requestPayoutStatus(payment))));
    }
}
