package com.mizani.saga.payroll;

import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.payroll.RecordPayrollPayoutOutcomeCommand;
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
 * <p>It runs in a processing group of its own, {@value #PROCESSING_GROUP}, with one segment: in the order of the
 * store, so the final event always finds the saga its reservation started, and in large batches, so that the outcomes
 * of many payouts are recorded under one lock of the job and one commit. In the payment sagas' group, the outcomes of
 * a 10,000-payout job were recorded at about 29 a second, and each batch of the payment sagas that recorded one held
 * the job's lock to its end, so the payout sagas of the other segments waited for it (docs/benchmarks.md). A payout
 * in MANUAL_REVIEW keeps it waiting: the operators' decision ends the payment, and then the item. Sending the outcome
 * fails only when the job cannot take it now; the processor then retries the event, and a repeat of an outcome
 * already recorded changes nothing.
 */
@Saga
@ProcessingGroup(PayrollPayoutSaga.PROCESSING_GROUP)
public class PayrollPayoutSaga {

    public static final String PROCESSING_GROUP = "payroll-payouts";

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
