package com.mizani.command.support;

import com.mizani.kernel.error.ErrorCode;
import com.mizani.kernel.error.MizaniException;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A given-when-then harness over the real Axon 4 building blocks the application uses: a {@link SimpleCommandBus},
 * an {@link EmbeddedEventStore} on an in-memory storage engine and {@link EventSourcingRepository event-sourced
 * repositories}. It stands in for {@code AggregateTestFixture}, which cannot run in this module: axon-test declares
 * hamcrest as an optional dependency and command-side does not add it, so the fixture fails with
 * {@code NoClassDefFoundError: org/hamcrest/Description}.
 * <p>
 * Everything a command publishes is recorded, so {@link Outcome#expectEvents} sees exactly the events its unit of
 * work committed; a unit of work that rolls back publishes (and stores) nothing.
 */
public final class CommandHarness {

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    private final List<EventMessage<?>> published = new ArrayList<>();
    private final Map<String, Long> nextSequence = new HashMap<>();

    public CommandHarness() {
        eventStore.subscribe(published::addAll);
    }

    /** An event-sourced repository for {@code aggregateType}, backed by this harness's event store. */
    public <A> Repository<A> repository(Class<A> aggregateType) {
        return EventSourcingRepository.builder(aggregateType).eventStore(eventStore).build();
    }

    /** Registers the aggregate's own {@code @CommandHandler}s, as Axon's configuration does for an aggregate. */
    public <A> CommandHarness withAggregate(Class<A> aggregateType) {
        AggregateAnnotationCommandHandler.<A>builder()
                .aggregateType(aggregateType)
                .repository(repository(aggregateType))
                .build()
                .subscribe(commandBus);
        return this;
    }

    /** Registers an external annotated command handler (a {@code @Component} with {@code @CommandHandler} methods). */
    public CommandHarness withAnnotatedHandler(Object handler) {
        new AnnotationCommandHandlerAdapter<>(handler).subscribe(commandBus);
        return this;
    }

    /** Subscribes a plain handler for one command type, by its name (the class name), as Axon routes commands. */
    public CommandHarness onCommand(Class<?> commandType, MessageHandler<? super CommandMessage<?>> handler) {
        commandBus.subscribe(commandType.getName(), handler);
        return this;
    }

    public CommandGateway gateway() {
        return gateway;
    }

    /** Stores past events of one aggregate, numbered on from the ones given before for the same aggregate. */
    public CommandHarness given(Class<?> aggregateType, Object aggregateId, Object... events) {
        String id = aggregateId.toString();
        for (Object event : events) {
            long sequence = nextSequence.merge(id, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType.getSimpleName(), id, sequence, event));
        }
        return this;
    }

    /** Dispatches {@code command} on the bus (synchronously, in its own unit of work) and records what happened. */
    public Outcome when(Object command) {
        published.clear();
        AtomicReference<CommandResultMessage<?>> result = new AtomicReference<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), (message, outcome) -> result.set(outcome));
        assertThat(result.get()).as("the simple command bus answers before dispatch returns").isNotNull();
        List<Object> events = published.stream().<Object>map(EventMessage::getPayload).toList();
        return new Outcome(result.get(), events);
    }

    /** The payloads the event store holds for one aggregate, in sequence order. */
    public List<Object> storedEvents(Object aggregateId) {
        return eventStore.readEvents(aggregateId.toString()).asStream().<Object>map(DomainEventMessage::getPayload).toList();
    }

    /** What one command did: its result or failure, and the events its unit of work published. */
    public static final class Outcome {

        private final CommandResultMessage<?> result;
        private final List<Object> events;

        private Outcome(CommandResultMessage<?> result, List<Object> events) {
            this.result = result;
            this.events = events;
        }

        public Outcome expectEvents(Object... expected) {
            assertThat(events).as("published events").containsExactlyElementsOf(Arrays.asList(expected));
            return this;
        }

        public Outcome expectNoEvents() {
            assertThat(events).as("published events").isEmpty();
            return this;
        }

        public Outcome expectSuccess() {
            assertThat(result.isExceptional())
                    .as(() -> "command failed with " + result.optionalExceptionResult().map(Throwable::toString).orElse(""))
                    .isFalse();
            return this;
        }

        public Outcome expectResult(Object expected) {
            expectSuccess();
            assertThat(result.getPayload()).as("command result").isEqualTo(expected);
            return this;
        }

        public <R> Outcome expectResultSatisfying(Class<R> type, Consumer<R> requirements) {
            expectSuccess();
            assertThat(result.getPayload()).as("command result").isInstanceOfSatisfying(type, requirements);
            return this;
        }

        /** The command was refused: it failed with a {@link MizaniException} carrying {@code code}. */
        public Outcome expectRefusal(ErrorCode code) {
            assertThat(failure()).isInstanceOfSatisfying(MizaniException.class,
                    refusal -> assertThat(refusal.code()).as("error code of " + refusal).isEqualTo(code));
            return this;
        }

        public Outcome expectFailure(Class<? extends Throwable> type) {
            assertThat(failure()).isInstanceOf(type);
            return this;
        }

        public Throwable failure() {
            assertThat(result.isExceptional()).as("command failed (result was " + describePayload() + ")").isTrue();
            return result.exceptionResult();
        }

        private String describePayload() {
            return result.isExceptional() ? "an exception" : String.valueOf(result.getPayload());
        }
    }
}
