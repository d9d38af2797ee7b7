package com.mizani.saga.payment;

import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.saga.provider.ProviderGateway;
import com.mizani.saga.provider.SubmitAnswer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A provider that answers what the test scripted and records what the saga asked. */
final class ScriptedGateway implements ProviderGateway {

    SubmitAnswer submitAnswer = new SubmitAnswer.Accepted("AG_20250602_0001");
    boolean statusQueryGetsThrough = true;
    ProviderResult stkQueryAnswer;
    final List<String> calls = new ArrayList<>();

    @Override
    public SubmitAnswer requestPayout(UUID paymentId, Money amount, Msisdn msisdn) {
        calls.add("payout " + paymentId + " " + amount + " " + msisdn.value());
        return submitAnswer;
    }

    @Override
    public boolean requestPayoutStatus(UUID paymentId) {
        calls.add("payout-status " + paymentId);
        return statusQueryGetsThrough;
    }

    @Override
    public SubmitAnswer requestStkPush(UUID paymentId, Money amount, Msisdn msisdn) {
        calls.add("stk-push " + paymentId + " " + amount + " " + msisdn.value());
        return submitAnswer;
    }

    @Override
    public ProviderResult queryStkPush(UUID paymentId, String checkoutRequestId) {
        calls.add("stk-query " + checkoutRequestId);
        return stkQueryAnswer;
    }
}
