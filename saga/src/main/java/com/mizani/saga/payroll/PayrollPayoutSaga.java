package com.mizani.saga.payroll;

import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.payroll.RecordPayrollPayoutOutcomeCommand;
import com.mizani.saga.payment.PaymentSagas;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.util.UUID;

/**
 * Tells a payroll job what became of one of its M-Pesa items: it follows the item's payout from its reservation to
 * the payment's final event and records that outcome on the job. The payout itself is driven by the payout saga, as
 * any payout is; this saga only carries the news. A payout that is not a payroll item's ends this saga at once.
 *
 * <p>It runs in the payment sagas' processing group, ordered per payment, so the final event always finds the saga
 * its reservation started. A payout in MANUAL_REVIEW keeps it waiting: the operators' decision ends the payment, and
 * then the item. Sending the outcome fails only when the job cannot take it now; the processor then retries the
 * event, and a repeat of an outcome already recorded changes nothing.
 */
@Saga
@ProcessingGroup(PaymentSagas.PROCESSING_GROUP)
public class PayrollPayoutSaga {

    private UUID jobId;
    private int index;

    @StartSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(WithdrawalReservedEvent event) {
        if (event.payrollItem() == null) {
            SagaLifecycle.end();
            return;
        }
        jobId = event.payrollItem().jobId();
        index = event.payrollItem().index();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentConfirmedEvent event, CommandGateway commands) {
        commands.sendAndWait(new RecordPayrollPayoutOutcomeCommand(jobId, index, event.paymentId(), true,
                event.receipt(), null, null));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "paymentId")
    public void on(PaymentFailedEvent event, CommandGateway commands) {
        commands.sendAndWait(new RecordPayrollPayoutOutcomeCommand(jobId, index, event.paymentId(), false,
                null, event.resultCode(), event.reason()));
    }
}
