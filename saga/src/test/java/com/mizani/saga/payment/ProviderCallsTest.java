package com.mizani.saga.payment;

import com.mizani.kernel.money.CurrencyCode;
import com.mizani.kernel.money.Money;
import com.mizani.kernel.payment.ApplyProviderResultCommand;
import com.mizani.kernel.payment.MarkPaymentSubmittedCommand;
import com.mizani.kernel.payment.Msisdn;
import com.mizani.kernel.payment.ProviderResult;
import com.mizani.kernel.payment.RecordStatusQueryCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderCallsTest {

    private static final UUID PAYMENT = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000002");
    private static final Money AMOUNT = Money.of(100_000, CurrencyCode.KES);
    private static final Msisdn MSISDN = new Msisdn("254708374149");

    private final ScriptedGateway provider = new ScriptedGateway();
    private final RecordingCommandBus commandBus = new RecordingCommandBus();
    /** Calls wait here until the test runs them, as they would wait for a thread of their own. */
    private final ConcurrentLinkedQueue<Runnable> started = new ConcurrentLinkedQueue<>();
    private final Executor later = started::add;
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void noUnitOfWorkLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private ProviderCalls calls(int maxInFlight) {
        return new ProviderCalls(provider, DefaultCommandGateway.builder().commandBus(commandBus).build(), maxInFlight,
                later, clock);
    }

    private static DefaultUnitOfWork<?> deciding() {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("reserved")
                .andMetaData(MetaData.with("actor", "client:shop")));
        unitOfWork.registerCorrelationDataProvider(new SimpleCorrelationDataProvider("actor"));
        return unitOfWork;
    }

    private void payout(ProviderCalls calls) {
        calls.requestOnce(PAYMENT, Duration.ofSeconds(60), gateway -> gateway.requestPayout(PAYMENT, AMOUNT, MSISDN),
                answer -> ProviderConversation.answerCommand(PAYMENT, answer));
    }

    private void runStarted() {
        for (Runnable call; (call = started.poll()) != null; ) {
            call.run();
        }
    }

    private List<Object> recordedCommands() {
        return commandBus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void nothingIsSentWhenTheDecidingTransactionRollsBack() {
        ProviderCalls calls = calls(4);
        DefaultUnitOfWork<?> unitOfWork = deciding();
        payout(calls);
        unitOfWork.rollback();
        runStarted();

        assertThat(started).isEmpty();
        assertThat(provider.calls).isEmpty();
        assertThat(commandBus.getDispatchedCommands()).isEmpty();
    }

    @Test
    void theRequestGoesAfterCommitOutsideTheTransactionAndItsAnswerIsRecordedWithTheDecisionsActor() {
        ProviderCalls calls = calls(4);
        DefaultUnitOfWork<?> unitOfWork = deciding();
        payout(calls);
        assertThat(started).as("nothing starts before the commit").isEmpty();

        unitOfWork.commit();
        assertThat(started).hasSize(1);
        assertThat(provider.calls).as("the request waits for its own thread").isEmpty();

        runStarted();
        assertThat(provider.calls).containsExactly("payout " + PAYMENT + " 1000.00 KES 254708374149");
        assertThat(provider.phases).as("no unit of work, so no transaction, around the request").containsOnlyNulls();
        CommandMessage<?> answer = commandBus.getDispatchedCommands().getFirst();
        assertThat(answer.getPayload()).isEqualTo(new MarkPaymentSubmittedCommand(PAYMENT, "AG_20250602_0001"));
        assertThat(answer.getMetaData()).containsEntry("actor", "client:shop");
    }

    @Test
    void aMoneyRequestThatCouldNotStartInTimeIsNeverSentAndRecordedAsNotPaid() {
        ProviderCalls calls = calls(4);
        DefaultUnitOfWork<?> unitOfWork = deciding();
        payout(calls);
        unitOfWork.commit();
        clock.advance(Duration.ofSeconds(61));
        runStarted();

        assertThat(provider.calls).isEmpty();
        assertThat(recordedCommands()).singleElement().isInstanceOfSatisfying(ApplyProviderResultCommand.class, applied -> {
            assertThat(applied.result().outcome()).isEqualTo(ProviderResult.Outcome.NOT_PAID);
            assertThat(applied.result().resultCode()).isEqualTo(ProviderCalls.NOT_SENT);
        });
    }

    @Test
    void aQuestionRecordsEveryCommandItsAnswerMakesInOrder() {
        ProviderCalls calls = calls(4);
        DefaultUnitOfWork<?> unitOfWork = deciding();
        calls.ask(PAYMENT, gateway -> List.of(new RecordStatusQueryCommand(PAYMENT, 1, gateway.requestPayoutStatus(PAYMENT)),
                new RecordStatusQueryCommand(PAYMENT, 2, false)));
        unitOfWork.commit();
        runStarted();

        assertThat(provider.calls).containsExactly("payout-status " + PAYMENT);
        assertThat(recordedCommands()).containsExactly(new RecordStatusQueryCommand(PAYMENT, 1, true),
                new RecordStatusQueryCommand(PAYMENT, 2, false));
    }

    @Test
    void whenEveryCallIsInFlightTheCommittingThreadWaitsForOne() throws InterruptedException {
        ProviderCalls calls = calls(1);
        DefaultUnitOfWork<?> first = deciding();
        payout(calls);
        first.commit();
        assertThat(started).hasSize(1);

        Thread processor = Thread.ofPlatform().start(() -> {
            DefaultUnitOfWork<?> second = deciding();
            payout(calls);
            second.commit();
        });
        processor.join(200);
        assertThat(processor.isAlive()).as("the second commit waits while the first call is in flight").isTrue();
        assertThat(started).hasSize(1);

        started.poll().run();
        processor.join(5_000);
        assertThat(processor.isAlive()).isFalse();
        assertThat(started).hasSize(1);
    }

    @Test
    void shutdownWaitsForCallsInFlightAndStartsNoMore() {
        ProviderCalls calls = calls(2);
        DefaultUnitOfWork<?> first = deciding();
        payout(calls);
        first.commit();

        assertThat(calls.finishInFlight(Duration.ofMillis(50))).as("one call still in flight").isFalse();
        runStarted();
        assertThat(calls.finishInFlight(Duration.ofMillis(50))).isTrue();
        assertThat(recordedCommands()).hasSize(1);

        DefaultUnitOfWork<?> afterShutdown = deciding();
        payout(calls);
        afterShutdown.commit();
        assertThat(started).as("left to the payment's deadline").isEmpty();
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-06-02T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
