package com.mizani.saga.payment;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.MobileDepositAcceptedEvent;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.saga.provider.SubmitAnswer;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StkDepositSagaTest {

    private static final UUID PAYMENT = UUID.fromString("cccccccc-0000-0000-0000-000000000001");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final String ID = PAYMENT.toString();
    private static final String CHECKOUT = "ws_CO_191220191020363925";
    private static final PaymentTimings TIMINGS =
            new PaymentTimings(Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofMinutes(4), 2);
    private static final ProviderResult PAID = new ProviderResult(Evidence.STATUS_QUERY, ProviderResult.Outcome.PAID,
            "0", "The service request is processed successfully.", null, null, null, CHECKOUT);
    private static final ProviderResult PENDING = new ProviderResult(Evidence.STATUS_QUERY,
            ProviderResult.Outcome.UNKNOWN, "500.001.1001", "The transaction is being processed", null, null, null, CHECKOUT);

    private FixtureConfiguration fixture;
    private ScriptedGateway provider;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(StkDepositSaga.class);
        provider = new ScriptedGateway();
        provider.submitAnswer = new SubmitAnswer.Accepted(CHECKOUT);
        fixture.registerResource(provider.callsAfterCommit(fixture));
        fixture.registerResource(TIMINGS);
    }

    private static MobileDepositAcceptedEvent accepted() {
        return new MobileDepositAcceptedEvent(PAYMENT, WALLET, Money.of(50_000, CurrencyCode.KES), new Msisdn("254708374149"));
    }

    @Test
    void anAcknowledgedPushIsMarkedSubmittedWithItsCheckoutId() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(accepted())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkPaymentSubmittedCommand(PAYMENT, CHECKOUT));
    }

    @Test
    void thePushIsSentOnlyAfterTheSagaTransactionCommits() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(accepted())
                .expectScheduledDeadlineWithName(TIMINGS.resultWait(), ProviderConversation.RESULT_OVERDUE);
        assertThat(provider.phases).containsExactly(UnitOfWork.Phase.AFTER_COMMIT);
    }

    @Test
    void aPushWhoseAnswerWasNeverRecordedIsNeverPushedAgain() {
        // Without the acknowledgement there is no CheckoutRequestID to ask with: the saga waits, then an operator decides.
        fixture.givenAggregate(ID).published(accepted())
                .whenTimeElapses(Duration.ofSeconds(120 + 120 + 240))
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, false),
                        new RecordStatusQueryCommand(PAYMENT, 2, false),
                        new RequirePaymentReviewCommand(PAYMENT, "no definitive answer from the provider after 2 status queries"));
        assertThat(provider.calls).containsExactly("stk-push " + PAYMENT + " 500.00 KES 254708374149");
    }

    @Test
    void aRefusedPushFailsTheDeposit() {
        provider.submitAnswer = new SubmitAnswer.Refused("400.002.02", "Invalid PhoneNumber");
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(accepted())
                .expectDispatchedCommands(new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.REQUEST,
                        ProviderResult.Outcome.NOT_PAID, "400.002.02", "Invalid PhoneNumber", null, null, null, null)));
    }

    @Test
    void aPushWithoutAnswerIsAmbiguous() {
        provider.submitAnswer = new SubmitAnswer.Unknown("connection reset");
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(accepted())
                .expectDispatchedCommands(new MarkPaymentAmbiguousCommand(PAYMENT, "connection reset"));
    }

    @Test
    void anOverdueCallbackIsReplacedByTheStkQuery() {
        provider.stkQueryAnswer = PAID;
        fixture.givenAggregate(ID).published(accepted(), new PaymentSubmittedEvent(PAYMENT, CHECKOUT))
                .whenTimeElapses(TIMINGS.resultWait())
                .expectTriggeredDeadlinesWithName(ProviderConversation.RESULT_OVERDUE)
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, true),
                        new ApplyProviderResultCommand(PAYMENT, PAID));
        assertThat(provider.calls).contains("stk-query " + CHECKOUT);
    }

    @Test
    void aPendingAnswerIsAskedAgainLater() {
        provider.stkQueryAnswer = PENDING;
        fixture.givenAggregate(ID).published(accepted(), new PaymentSubmittedEvent(PAYMENT, CHECKOUT))
                .whenTimeElapses(TIMINGS.resultWait())
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, true))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(120), ProviderConversation.STATUS_QUERY_DUE);
    }

    @Test
    void anAmbiguousPushHasNothingToQueryWithAndGoesToReviewAfterTheCap() {
        fixture.givenAggregate(ID).published(accepted(), new PaymentAmbiguousEvent(PAYMENT, "timeout"))
                .whenTimeElapses(Duration.ofSeconds(60 + 120 + 240))
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, false),
                        new RecordStatusQueryCommand(PAYMENT, 2, false),
                        new RequirePaymentReviewCommand(PAYMENT, "no definitive answer from the provider after 2 status queries"));
        assertThat(provider.calls).noneMatch(call -> call.startsWith("stk-query"));
    }

    @Test
    void aConfirmedDepositEndsTheSaga() {
        fixture.givenAggregate(ID).published(accepted(), new PaymentSubmittedEvent(PAYMENT, CHECKOUT))
                .whenAggregate(ID).publishes(new PaymentConfirmedEvent(PAYMENT, "NLJ7RT61SV", Evidence.CALLBACK))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCancelledDepositEndsTheSaga() {
        fixture.givenAggregate(ID).published(accepted(), new PaymentSubmittedEvent(PAYMENT, CHECKOUT))
                .whenAggregate(ID).publishes(new PaymentFailedEvent(PAYMENT, "1032", "Request cancelled by user", Evidence.CALLBACK))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void reviewEndsTheSaga() {
        fixture.givenAggregate(ID).published(accepted(), new PaymentAmbiguousEvent(PAYMENT, "timeout"))
                .whenAggregate(ID).publishes(new PaymentReviewRequiredEvent(PAYMENT, "mismatch"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
