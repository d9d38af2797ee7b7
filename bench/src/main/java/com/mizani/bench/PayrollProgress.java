package com.mizani.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job's progress as the harness polled it ({@code GET /payroll/jobs/{id}}): the first poll at or after each whole
 * second from the approval, with the processed items it showed, and the moment the job was first seen final.
 */
final class PayrollProgress {

    /** @param second whole seconds since the approval; @param atMs when the poll was answered, ms since approval */
    record Sample(long second, long atMs, long processedItems) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private long finalAtMs = -1;
    private String finalStatus;

    /** One poll's answer, {@code atMs} after the approval; polls come in time order. */
    void polled(long atMs, long processedItems, String status, boolean isFinal) {
        long second = atMs / 1000;
        if (samples.isEmpty() || samples.getLast().second() < second) {
            samples.add(new Sample(second, atMs, processedItems));
        }
        if (isFinal && finalAtMs < 0) {
            finalAtMs = atMs;
            finalStatus = status;
            if (samples.getLast().atMs() != atMs) {
                samples.add(new Sample(second, atMs, processedItems));
            }
        }
    }

    boolean done() {
        return finalAtMs >= 0;
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** From the approval to the first poll that showed the job final, in seconds; -1 if none did. */
    double secondsToCompletion() {
        return finalAtMs < 0 ? -1 : finalAtMs / 1000.0;
    }

    String finalStatus() {
        return finalStatus;
    }

    /** Items over the time to completion; 0 if the job never finished. */
    static double itemsPerSecond(long items, double seconds) {
        return seconds <= 0 ? 0 : items / seconds;
    }

    /**
     * The goals: 10,000 wallet items in at most 30 s, and 10,000 M-Pesa items settled in at most 60 s. Judged
     * only on a run of that size without kills.
     */
    static final int GOAL_ITEMS = 10_000;
    static final double GOAL_SECONDS = 30;
    static final double MPESA_GOAL_SECONDS = 60;

    static String goalVerdict(int items, int kills, double seconds, boolean toPhones) {
        double goalSeconds = toPhones ? MPESA_GOAL_SECONDS : GOAL_SECONDS;
        String goal = "10,000 %s in ≤ %.0f s on this box: ".formatted(toPhones ? "M-Pesa items settled" : "wallet items",
                goalSeconds);
        if (seconds < 0) {
            return goal + "not met (the job did not finish)";
        }
        if (items != GOAL_ITEMS || kills > 0) {
            return goal + "not judged (this run: %,d items, %d kill(s))".formatted(items, kills);
        }
        return goal + (seconds <= goalSeconds ? "met" : "not met") + " (%.1f s)".formatted(seconds);
    }

    /** The timeline as the JSON keeps it: one entry a second. */
    List<Map<String, Object>> timeline() {
        List<Map<String, Object>> timeline = new ArrayList<>();
        for (Sample sample : samples) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("atSeconds", Report.round(sample.atMs() / 1000.0));
            entry.put("processedItems", sample.processedItems());
            timeline.add(entry);
        }
        return timeline;
    }

    /** The timeline in one line for the markdown: "1.0 s: 320, 2.0 s: 690, ...". */
    static String timelineText(List<?> timeline) {
        List<String> parts = new ArrayList<>();
        for (Object entry : timeline) {
            Map<?, ?> sample = (Map<?, ?>) entry;
            parts.add(sample.get("atSeconds") + " s: " + sample.get("processedItems"));
        }
        return String.join(", ", parts);
    }
}
