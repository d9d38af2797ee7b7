package com.mizani.saga.payment;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.Evidence;
import com.mizani.kernel.payment.MarkPaymentAmbiguousCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.PaymentAmbiguousEvent;
import com.mizani.kernel.payment.PaymentConfirmedEvent;
import com.mizani.kernel.payment.PaymentFailedEvent;
import com.mizani.kernel.payment.PaymentReviewRequiredEvent;
import com.mizani.kernel.payment.PaymentSubmittedEvent;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import com.mizani.kernel.payment.RequirePaymentReviewCommand;
import com.mizani.kernel.payment.WithdrawalReservedEvent;
import com.mizani.saga.provider.SubmitAnswer;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.saga.FixtureConfiguration;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutSagaTest {

    private static final UUID PAYMENT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000001");
    private static final UUID WALLET = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000001");
    private static final String ID = PAYMENT.toString();
    private static final Money AMOUNT = Money.of(100_000, CurrencyCode.KES);
    private static final Money FEE = Money.of(1_500, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");
    private static final PaymentTimings TIMINGS =
            new PaymentTimings(Duration.ofMinutes(2), Duration.ofSeconds(60), Duration.ofMinutes(4), 3);

    private FixtureConfiguration fixture;
    private ScriptedGateway provider;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PayoutSaga.class);
        provider = new ScriptedGateway();
        fixture.registerResource(provider.callsAfterCommit(fixture));
        fixture.registerResource(TIMINGS);
    }

    private static WithdrawalReservedEvent reserved() {
        return new WithdrawalReservedEvent(PAYMENT, WALLET, AMOUNT, FEE, MSISDN);
    }

    @Test
    void anAcknowledgedPayoutIsMarkedSubmitted() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reserved())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkPaymentSubmittedCommand(PAYMENT, "AG_20250602_0001"));
        assertThat(provider.calls).containsExactly("payout " + PAYMENT + " 1000.00 KES 254708374149");
    }

    @Test
    void thePayoutIsSentOnlyAfterTheSagaTransactionCommitsWithADeadlineStandingInForItsAnswer() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reserved())
                .expectScheduledDeadlineWithName(TIMINGS.resultWait(), ProviderConversation.RESULT_OVERDUE);
        assertThat(provider.phases).containsExactly(UnitOfWork.Phase.AFTER_COMMIT);
    }

    @Test
    void aPayoutWhoseAnswerWasNeverRecordedIsAskedAboutNotSentAgain() {
        // The answer's command went nowhere: the process died after the request, before the acknowledgement.
        fixture.givenAggregate(ID).published(reserved())
                .whenTimeElapses(TIMINGS.resultWait())
                .expectTriggeredDeadlinesWithName(ProviderConversation.RESULT_OVERDUE)
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, true))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(120), ProviderConversation.STATUS_QUERY_DUE);
        assertThat(provider.calls).containsExactly("payout " + PAYMENT + " 1000.00 KES 254708374149",
                "payout-status " + PAYMENT);
    }

    @Test
    void thePayoutRequestIsSentOnceWhateverTheDeadlinesDo() {
        fixture.givenAggregate(ID).published(reserved())
                .whenTimeElapses(Duration.ofSeconds(120 + 120 + 240 + 240))
                .expectDispatchedCommands(
                        new RecordStatusQueryCommand(PAYMENT, 1, true),
                        new RecordStatusQueryCommand(PAYMENT, 2, true),
                        new RecordStatusQueryCommand(PAYMENT, 3, true),
                        new RequirePaymentReviewCommand(PAYMENT, "no definitive answer from the provider after 3 status queries"));
        assertThat(provider.calls.stream().filter(call -> call.startsWith("payout "))).hasSize(1);
    }

    @Test
    void anAcknowledgementAfterTheOverdueAnswerWaitsForTheResultAfresh() throws Exception {
        // The slow acknowledgement comes after the deadline asked once: the next question is one result wait later,
        // and there is one, not the acknowledgement's and the backoff's both.
        fixture.givenAggregate(ID).published(reserved())
                .andThenTimeElapses(TIMINGS.resultWait())
                .andThenAggregate(ID).published(new PaymentSubmittedEvent(PAYMENT, "AG_1"))
                .whenTimeElapses(TIMINGS.resultWait())
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 2, true));
    }

    @Test
    void aPayoutTheProviderRefusesFailsAtOnce() {
        provider.submitAnswer = new SubmitAnswer.Refused("400.002.02", "Bad Request - Invalid PartyB");
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reserved())
                .expectDispatchedCommands(new ApplyProviderResultCommand(PAYMENT, new ProviderResult(Evidence.REQUEST,
                        ProviderResult.Outcome.NOT_PAID, "400.002.02", "Bad Request - Invalid PartyB", null, null, null, null)));
    }

    @Test
    void aPayoutWithoutAnAnswerIsAmbiguousAndNeverSentAgain() {
        provider.submitAnswer = new SubmitAnswer.Unknown("timed out after 10 s");
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(reserved())
                .expectDispatchedCommands(new MarkPaymentAmbiguousCommand(PAYMENT, "timed out after 10 s"));
        assertThat(provider.calls).hasSize(1);
    }

    @Test
    void submissionSchedulesTheResultDeadline() {
        fixture.givenAggregate(ID).published(reserved())
                .whenAggregate(ID).publishes(new PaymentSubmittedEvent(PAYMENT, "AG_1"))
                .expectScheduledDeadlineWithName(TIMINGS.resultWait(), ProviderConversation.RESULT_OVERDUE);
    }

    @Test
    void anOverdueResultIsAskedForAndTheNextQueryScheduled() {
        fixture.givenAggregate(ID).published(reserved(), new PaymentSubmittedEvent(PAYMENT, "AG_1"))
                .whenTimeElapses(TIMINGS.resultWait())
                .expectTriggeredDeadlinesWithName(ProviderConversation.RESULT_OVERDUE)
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, true))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(120), ProviderConversation.STATUS_QUERY_DUE);
        assertThat(provider.calls).contains("payout-status " + PAYMENT);
    }

    @Test
    void anAmbiguousPayoutIsQueriedAfterTheFirstDelay() {
        fixture.givenAggregate(ID).published(reserved(), new PaymentAmbiguousEvent(PAYMENT, "timeout"))
                .whenTimeElapses(TIMINGS.firstStatusQuery())
                .expectTriggeredDeadlinesWithName(ProviderConversation.STATUS_QUERY_DUE)
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, true));
    }

    @Test
    void aStatusQueryThatDoesNotGetThroughIsRecordedAndRetried() {
        provider.statusQueryGetsThrough = false;
        fixture.givenAggregate(ID).published(reserved(), new PaymentAmbiguousEvent(PAYMENT, "timeout"))
                .whenTimeElapses(TIMINGS.firstStatusQuery())
                .expectDispatchedCommands(new RecordStatusQueryCommand(PAYMENT, 1, false))
                .expectScheduledDeadlineWithName(Duration.ofSeconds(120), ProviderConversation.STATUS_QUERY_DUE);
    }

    @Test
    void queriesBackOffUpToTheCapThenTheOperatorDecides() {
        // 60 s, then 120 s, then 240 s (the cap); the fourth deadline finds three unanswered queries.
        fixture.givenAggregate(ID).published(reserved(), new PaymentAmbiguousEvent(PAYMENT, "timeout"))
                .whenTimeElapses(Duration.ofSeconds(60 + 120 + 240 + 240))
                .expectDispatchedCommands(
                        new RecordStatusQueryCommand(PAYMENT, 1, true),
                        new RecordStatusQueryCommand(PAYMENT, 2, true),
                        new RecordStatusQueryCommand(PAYMENT, 3, true),
                        new RequirePaymentReviewCommand(PAYMENT, "no definitive answer from the provider after 3 status queries"));
        assertThat(provider.calls.stream().filter(call -> call.startsWith("payout-status"))).hasSize(3);
    }

    @Test
    void aConfirmationEndsTheSagaAndItsDeadlines() {
        fixture.givenAggregate(ID).published(reserved(), new PaymentSubmittedEvent(PAYMENT, "AG_1"))
                .whenAggregate(ID).publishes(new PaymentConfirmedEvent(PAYMENT, "SG632NMUAB", Evidence.CALLBACK))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFailureEndsTheSagaAndItsDeadlines() {
        fixture.givenAggregate(ID).published(reserved(), new PaymentAmbiguousEvent(PAYMENT, "timeout"))
                .whenAggregate(ID).publishes(new PaymentFailedEvent(PAYMENT, "404", "not paid", Evidence.STATUS_QUERY))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void reviewEndsTheSagaAndItsDeadlines() {
        fixture.givenAggregate(ID).published(reserved(), new PaymentSubmittedEvent(PAYMENT, "AG_1"))
                .whenAggregate(ID).publishes(new PaymentReviewRequiredEvent(PAYMENT, "amount mismatch"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aQueueTimeoutAfterSubmissionSwitchesToStatusQueries() {
        fixture.givenAggregate(ID).published(reserved(), new PaymentSubmittedEvent(PAYMENT, "AG_1"))
                .whenAggregate(ID).publishes(new PaymentAmbiguousEvent(PAYMENT, "queue timeout"))
                .expectScheduledDeadlineWithName(TIMINGS.firstStatusQuery(), ProviderConversation.STATUS_QUERY_DUE);
    }

    @Test
    void timingsBackOffByDoublingUpToTheMaximum() {
        assertThat(List.of(TIMINGS.delayBeforeQuery(1), TIMINGS.delayBeforeQuery(2), TIMINGS.delayBeforeQuery(3),
                TIMINGS.delayBeforeQuery(9))).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(240));
    }
}
