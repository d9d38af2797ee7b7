package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds projections through the app's admin API ({@code POST /api/v1/admin/projections/{name}/replay}) and follows
 * their progress until they end: one projection after the other, or all at once.
 * <p>
 * The app sets a replay's {@code finishedAt} when it is asked for the progress and finds it complete, so progress is
 * asked for every {@link #POLL} (a finish is seen at most that late) and printed every second.
 */
final class Replays {

    static final Duration POLL = Duration.ofMillis(250);
    /** A replay that reads nothing for this long has stalled; the harness stops waiting for it. */
    static final Duration STALLED = Duration.ofSeconds(120);

    /**
     * One projection's rebuild, as the app reported it at the end.
     *
     * @param eventsTotal positions from the first stored event to the last one stored when the replay began
     * @param seconds     {@code finishedAt - startedAt}
     */
    record Run(String projection, String state, Instant startedAt, Instant finishedAt, long eventsTotal,
               double seconds, String error) {

        double eventsPerSecond() {
            return seconds <= 0 ? 0 : eventsTotal / seconds;
        }

        boolean completed() {
            return state.equals("COMPLETED");
        }
    }

    /**
     * A pass over every projection.
     *
     * @param mode        "each" (one after the other) or "all" (at once)
     * @param wallSeconds from the first replay's start to the last one's finish; in "each" the sum of their times
     * @param appCpuCores the app's CPU time over the pass divided by its wall time
     */
    record Pass(String mode, List<Run> runs, double wallSeconds, double appCpuCores) {

        boolean completed() {
            return runs.stream().allMatch(Run::completed);
        }

        /** The stored events rebuilt into every projection per second of the pass. */
        double storeEventsPerSecond() {
            long events = runs.stream().mapToLong(Run::eventsTotal).max().orElse(0);
            return wallSeconds <= 0 ? 0 : events / wallSeconds;
        }

        /** Events handled per second, summed over the projections. */
        double handledEventsPerSecond() {
            long events = runs.stream().mapToLong(Run::eventsTotal).sum();
            return wallSeconds <= 0 ? 0 : events / wallSeconds;
        }
    }

    private final Client client;
    private final AppProcess app;

    Replays(Client client, AppProcess app) {
        this.client = client;
        this.app = app;
    }

    List<String> projections() throws Exception {
        Client.Answer answer = client.get("/api/v1/admin/projections");
        require(answer, 200, "GET /api/v1/admin/projections");
        List<String> names = new ArrayList<>();
        answer.json().path("projections").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** Each projection in turn: the next starts when the previous has completed (or failed). */
    Pass each(List<String> projections) throws Exception {
        double cpuBefore = app.totalCpuSeconds();
        List<Run> runs = new ArrayList<>();
        double seconds = 0;
        for (String projection : projections) {
            start(projection);
            Run run = follow(List.of(projection)).getFirst();
            runs.add(run);
            seconds += run.seconds();
        }
        return new Pass("each", runs, seconds, cores(app.totalCpuSeconds() - cpuBefore, seconds));
    }

    /** Every projection at once, started one right after the other. */
    Pass all(List<String> projections) throws Exception {
        double cpuBefore = app.totalCpuSeconds();
        for (String projection : projections) {
            start(projection);
        }
        List<Run> runs = follow(projections);
        Instant first = runs.stream().map(Run::startedAt).min(Instant::compareTo).orElseThrow();
        Instant last = runs.stream().map(run -> run.finishedAt() == null ? Instant.now() : run.finishedAt())
                .max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(first, last).toMillis() / 1000.0;
        return new Pass("all", runs, seconds, cores(app.totalCpuSeconds() - cpuBefore, seconds));
    }

    private void start(String projection) throws Exception {
        Client.Answer started = client.post("/api/v1/admin/projections/" + projection + "/replay", "", null);
        require(started, 202, "POST replay of " + projection);
        BenchMain.log("replay of %s started: %,d events to read", projection, started.json().path("eventsTotal").asLong());
    }

    /** Asks for every running replay's progress every {@link #POLL}, prints it every second, until all have ended. */
    private List<Run> follow(List<String> projections) throws Exception {
        Map<String, Run> ended = new LinkedHashMap<>();
        Map<String, Long> lastDone = new LinkedHashMap<>();
        Map<String, Instant> lastMoved = new LinkedHashMap<>();
        Instant nextPrint = Instant.now().plusSeconds(1);
        while (ended.size() < projections.size()) {
            Thread.sleep(POLL.toMillis());
            boolean print = !Instant.now().isBefore(nextPrint);
            if (print) {
                nextPrint = nextPrint.plusSeconds(1);
            }
            for (String projection : projections) {
                if (ended.containsKey(projection)) {
                    continue;
                }
                Client.Answer answer = client.get("/api/v1/admin/projections/" + projection + "/replay");
                require(answer, 200, "GET replay progress of " + projection);
                JsonNode progress = answer.json();
                String state = progress.path("state").asText();
                long done = progress.path("eventsDone").asLong();
                if (!lastDone.containsKey(projection) || lastDone.get(projection) != done) {
                    lastDone.put(projection, done);
                    lastMoved.put(projection, Instant.now());
                }
                if (print || !state.equals("REPLAYING")) {
                    BenchMain.log("replay %s", describe(progress));
                }
                if (!state.equals("REPLAYING")) {
                    ended.put(projection, run(progress));
                } else if (Instant.now().isAfter(lastMoved.get(projection).plus(STALLED))) {
                    BenchMain.log("replay of %s read nothing for %s; giving up on it", projection, STALLED);
                    ended.put(projection, new Run(projection, "STALLED", instant(progress, "startedAt"), null,
                            progress.path("eventsTotal").asLong(), 0, "read nothing for " + STALLED));
                }
            }
        }
        return projections.stream().map(ended::get).toList();
    }

    static Run run(JsonNode progress) {
        Instant startedAt = instant(progress, "startedAt");
        Instant finishedAt = instant(progress, "finishedAt");
        double seconds = startedAt == null || finishedAt == null ? 0
                : Duration.between(startedAt, finishedAt).toNanos() / 1e9;
        return new Run(progress.path("projection").asText(), progress.path("state").asText(), startedAt, finishedAt,
                progress.path("eventsTotal").asLong(), seconds,
                progress.hasNonNull("error") ? progress.get("error").asText() : null);
    }

    static String describe(JsonNode progress) {
        long total = progress.path("eventsTotal").asLong();
        long done = progress.path("eventsDone").asLong();
        String line = "%s: %s %,d of %,d events (%d%%), %,d events/s".formatted(progress.path("projection").asText(),
                progress.path("state").asText(), done, total, total == 0 ? 100 : done * 100 / total,
                progress.path("eventsPerSecond").asLong());
        if (progress.hasNonNull("secondsLeft") && progress.path("state").asText().equals("REPLAYING")) {
            line += ", about " + progress.get("secondsLeft").asLong() + " s left";
        }
        return progress.hasNonNull("error") ? line + ": " + progress.get("error").asText() : line;
    }

    private static Instant instant(JsonNode progress, String field) {
        return progress.hasNonNull(field) ? Instant.parse(progress.get(field).asText()) : null;
    }

    private static double cores(double cpuSeconds, double wallSeconds) {
        return wallSeconds <= 0 ? 0 : cpuSeconds / wallSeconds;
    }

    private static void require(Client.Answer answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.body());
        }
    }
}
