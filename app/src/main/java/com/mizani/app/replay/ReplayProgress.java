package com.mizani.app.replay;

import java.time.Instant;

/**
 * Where a projection's rebuild stands. Events are counted by their position in the event stream, from the first
 * stored event to the last one stored when the replay began; events appended since are handled too, as live traffic.
 *
 * @param eventsPerSecond average since the start; 0 before the first event
 * @param secondsLeft     estimate at the average rate; null until there is a rate, 0 once completed
 */
public record ReplayProgress(String projection, State state, Instant startedAt, Instant finishedAt, long eventsDone,
                             long eventsTotal, long eventsPerSecond, Long secondsLeft, String error) {

    public enum State {
        REPLAYING, COMPLETED, FAILED
    }

    public int percent() {
        return eventsTotal == 0 ? 100 : (int) (eventsDone * 100 / eventsTotal);
    }

    /** One human line, as the log and the command-line client print it. */
    public String describe() {
        String line = "%s: %s %,d of %,d events (%d%%), %,d events/s".formatted(projection, state, eventsDone,
                eventsTotal, percent(), eventsPerSecond);
        if (state == State.REPLAYING && secondsLeft != null) {
            line += ", about " + secondsLeft + " s left";
        }
        return error == null ? line : line + ": " + error;
    }
}
