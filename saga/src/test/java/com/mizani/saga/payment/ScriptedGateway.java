package com.mizani.saga.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.saga.provider.ProviderGateway;
import com.mizani.saga.provider.SubmitAnswer;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.saga.FixtureConfiguration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A provider that answers what the test scripted and records what the saga asked, and in which phase of the
 * deciding unit of work each call came (the saga's transaction must have committed).
 */
final class ScriptedGateway implements ProviderGateway {

    SubmitAnswer submitAnswer = new SubmitAnswer.Accepted("AG_20250602_0001");
    boolean statusQueryGetsThrough = true;
    ProviderResult stkQueryAnswer;
    final List<String> calls = new ArrayList<>();
    final List<UnitOfWork.Phase> phases = new ArrayList<>();

    /**
     * The saga's provider calls, run by this gateway on the test's thread as the fixture's unit of work commits,
     * their answers recorded through the fixture's command bus.
     */
    ProviderCalls callsAfterCommit(FixtureConfiguration fixture) {
        return new ProviderCalls(this, DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build(),
                4, Runnable::run, Clock.systemUTC());
    }

    @Override
    public SubmitAnswer requestPayout(UUID paymentId, Money amount, Msisdn msisdn) {
        record("payout " + paymentId + " " + amount + " " + msisdn.value());
        return submitAnswer;
    }

    @Override
    public boolean requestPayoutStatus(UUID paymentId) {
        record("payout-status " + paymentId);
        return statusQueryGetsThrough;
    }

    @Override
    public SubmitAnswer requestStkPush(UUID paymentId, Money amount, Msisdn msisdn) {
        record("stk-push " + paymentId + " " + amount + " " + msisdn.value());
        return submitAnswer;
    }

    @Override
    public ProviderResult queryStkPush(UUID paymentId, String checkoutRequestId) {
        record("stk-query " + checkoutRequestId);
        return stkQueryAnswer;
    }

    private void record(String call) {
        calls.add(call);
        phases.add(CurrentUnitOfWork.map(UnitOfWork::phase).orElse(null));
    }
}
