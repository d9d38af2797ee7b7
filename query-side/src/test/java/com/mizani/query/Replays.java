package com.mizani.query;

import com.mizani.query.support.ProjectionRunner;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The replay idempotence every projection promises, checked the same way for each. */
public final class Replays {

    private Replays() {
    }

    /**
     * After the events' first delivery: every event delivered again in one batch, then a reset and a replay one
     * event at a time, each leave exactly what the first delivery left.
     *
     * @param stored what the projection stored, by table (or collection), in a stable order
     */
    public static void assertReplaysChangeNothing(ProjectionRunner runner, List<? extends EventMessage<?>> events,
                                                  Supplier<? extends Map<String, ? extends List<?>>> stored) {
        Map<String, ? extends List<?>> projected = stored.get();
        assertThat(projected.values()).as("the first delivery's rows").anySatisfy(rows -> assertThat(rows).isNotEmpty());

        runner.deliver(events);
        assertThat(stored.get()).as("every event delivered again").isEqualTo(projected);

        runner.reset();
        assertThat(stored.get()).as("after the reset")
                .allSatisfy((table, rows) -> assertThat(rows).as(table).isEmpty());
        runner.deliverOneByOne(events);
        assertThat(stored.get()).as("a replay one event at a time").isEqualTo(projected);
    }
}
