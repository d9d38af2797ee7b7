package com.mizani.saga.payroll;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.kernel.payroll.PayrollItemRef;
import com.mizani.kernel.payroll.RecordPayrollPayoutOutcomeCommand;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

class PayrollPayoutSagaTest {

    private static final UUID PAYMENT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000002");
    private static final UUID JOB = UUID.fromString("cccccccc-0000-0000-0000-000000000002");
    private static final String ID = PAYMENT.toString();
    private static final Money AMOUNT = Money.of(100_000, CurrencyCode.KES);
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");

    private FixtureConfiguration fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PayrollPayoutSaga.class);
    }

    private static WithdrawalReservedEvent reserved(PayrollItemRef item) {
        return new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN, item);
    }

    @Test
    void aPayoutOfItsOwnEndsTheSagaAtOnce() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reserved(null))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aSettledItemPayoutIsRecordedOnItsJobWithTheReceipt() {
        fixture.givenAggregate(ID).published(reserved(new PayrollItemRef(JOB, 7)))
                .whenAggregate(ID).publishes(new PaymentConfirmedEvent(PAYMENT, "SGR1234567", Evidence.CALLBACK))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RecordPayrollPayoutOutcomeCommand(JOB, 7, PAYMENT, true, "SGR1234567",
                        null, null));
    }

    @Test
    void aFailedItemPayoutIsRecordedWithTheProvidersResultCode() {
        fixture.givenAggregate(ID).published(reserved(new PayrollItemRef(JOB, 3)))
                .whenAggregate(ID).publishes(new PaymentFailedEvent(PAYMENT, "2001", "The initiator information is "
                        + "invalid.", Evidence.CALLBACK))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new RecordPayrollPayoutOutcomeCommand(JOB, 3, PAYMENT, false, null, "2001",
                        "The initiator information is invalid."));
    }

    @Test
    void anItemPayoutWaitsForItsFinalEvent() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reserved(new PayrollItemRef(JOB, 0)))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }
}
