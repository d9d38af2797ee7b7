package com.mizani.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayFiguresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTokenStandsForItsIndexAndAReplayTokenForItsCurrentToken() throws Exception {
        assertThat(Processors.position("{\"index\":10360,\"gaps\":[]}")).isEqualTo(10360);
        assertThat(Processors.position("""
                {"tokenAtReset":{"@class":"org.axonframework.eventhandling.GapAwareTrackingToken","index":10360,"gaps":[]},
                 "currentToken":{"@class":"org.axonframework.eventhandling.GapAwareTrackingToken","index":498,"gaps":[]},
                 "context":null}""")).isEqualTo(498);
        assertThat(Processors.position("{\"tokenAtReset\":{\"index\":5},\"currentToken\":null}")).isEqualTo(-1);
        assertThat(Processors.position(null)).isEqualTo(-1);
    }

    @Test
    void aRunsRateIsItsEventsOverItsOwnStartAndFinish() throws Exception {
        Replays.Run run = Replays.run(JSON.readTree("""
                {"projection":"ledger","state":"COMPLETED","startedAt":"2026-11-21T10:00:00Z",
                 "finishedAt":"2026-11-21T10:00:20.500Z","eventsDone":1025000,"eventsTotal":1025000,
                 "eventsPerSecond":50000,"secondsLeft":0,"error":null}"""));

        assertThat(run.completed()).isTrue();
        assertThat(run.seconds()).isEqualTo(20.5);
        assertThat(run.eventsPerSecond()).isEqualTo(50_000.0);
        assertThat(run.error()).isNull();
        assertThat(Replays.describe(JSON.readTree("""
                {"projection":"audit","state":"REPLAYING","eventsDone":250,"eventsTotal":1000,"eventsPerSecond":125,
                 "secondsLeft":6,"error":null}"""))).isEqualTo("audit: REPLAYING 250 of 1,000 events (25%), 125 events/s, about 6 s left");
    }

    @Test
    void aFailedRunHasNoRateAndKeepsItsError() throws Exception {
        Replays.Run run = Replays.run(JSON.readTree("""
                {"projection":"audit","state":"FAILED","startedAt":"2026-11-21T10:00:00Z","finishedAt":null,
                 "eventsDone":10,"eventsTotal":100,"error":"the processor stopped on an error"}"""));

        assertThat(run.completed()).isFalse();
        assertThat(run.eventsPerSecond()).isZero();
        assertThat(run.error()).isEqualTo("the processor stopped on an error");
    }

    @Test
    void aPassCountsTheStoreOnceForItsRateAndEveryProjectionForTheHandledRate() {
        Replays.Pass pass = new Replays.Pass("all", List.of(run("audit", 1_000_000, 40), run("ledger", 1_000_000, 20)),
                40, 1.9);

        assertThat(pass.storeEventsPerSecond()).isEqualTo(25_000.0);
        assertThat(pass.handledEventsPerSecond()).isEqualTo(50_000.0);
        assertThat(pass.completed()).isTrue();
    }

    @Test
    void goalsAreJudgedOnTheAllAtOncePassAndOnlyAtTheirSize() {
        Replays.Pass each = new Replays.Pass("each", List.of(run("ledger", 1_000_000, 10)), 10, 1);
        Replays.Pass all = new Replays.Pass("all", List.of(run("ledger", 1_000_000, 25)), 25, 1);
        PointInTimeReads.Result big = reads(100_000, 4_000_000L, 12_000_000L);

        List<Map<String, Object>> goals = ReplayScenario.goals(1_000_000, big, List.of(each, all), true);

        assertThat(goals.get(0).get("measured").toString()).contains("40,000 events/s", "all at once");
        assertThat(goals.get(0).get("met")).isEqualTo("no");
        assertThat(goals.get(1).get("met")).isEqualTo("yes");
        assertThat(goals.get(2).get("met")).isEqualTo("no");

        List<Map<String, Object>> small = ReplayScenario.goals(20_000, reads(2_000, 1_000_000L, 1_000_000L), List.of(each), true);
        assertThat(small).allSatisfy(goal -> assertThat(goal.get("met").toString()).startsWith("not judged"));

        Replays.Pass fast = new Replays.Pass("all", List.of(run("ledger", 1_000_000, 10)), 10, 1);
        assertThat(ReplayScenario.goals(1_000_000, big, List.of(fast), true).getFirst().get("met")).isEqualTo("yes");
        assertThat(ReplayScenario.goals(1_000_000, big, List.of(fast), false).getFirst().get("met"))
                .isEqualTo("not judged (the audit views were left out)");
    }

    @Test
    void fingerprintsNameTheColumnsThatDiffer() {
        var before = Map.of("wallet_view", table(10, "1", Map.of("a", "1", "b", "2")),
                "ledger_entry", table(20, "5", Map.of("event_position", "7", "amount_minor", "8")),
                "transfer_view", table(1, "1", Map.of()), "payment_view", table(1, "1", Map.of()),
                "payment_timeline", table(1, "1", Map.of()));
        var after = new java.util.HashMap<>(before);
        after.put("ledger_entry", table(20, "6", Map.of("event_position", "9", "amount_minor", "8")));
        after.put("payment_view", table(2, "3", Map.of()));

        assertThat(ReadModelFingerprint.differences(before, before)).isEmpty();
        assertThat(ReadModelFingerprint.differences(before, after)).containsExactly(
                Map.entry("ledger_entry", List.of("event_position")),
                Map.entry("payment_view", List.of("(row count: 1 before, 2 after)")));
    }

    @Test
    void liveEntryPositionsCorrectedByTheReplayAreAFindingAndAnyOtherDifferenceAViolation() {
        var before = fingerprint(Map.of("event_position", "7", "amount_minor", "8"));
        var positionsOnly = fingerprint(Map.of("event_position", "9", "amount_minor", "8"));
        var amountsToo = fingerprint(Map.of("event_position", "9", "amount_minor", "1"));
        List<String> findings = new java.util.ArrayList<>();

        assertThat(ReplayScenario.compare(before, positionsOnly, 12, 0, findings)).isEmpty();
        assertThat(findings).singleElement().asString().contains("event_position", "12 entries");

        assertThat(ReplayScenario.compare(before, positionsOnly, 12, 3, new java.util.ArrayList<>()))
                .anySatisfy(violation -> assertThat(violation).contains("3 ledger entries carry another position"))
                .anySatisfy(violation -> assertThat(violation).contains("ledger_entry differs", "event_position"));
        assertThat(ReplayScenario.compare(before, amountsToo, 12, 0, new java.util.ArrayList<>()))
                .singleElement().asString().contains("ledger_entry differs", "event_position", "amount_minor");
        // Without misplaced entries before, a changed position is not the known difference.
        assertThat(ReplayScenario.compare(before, positionsOnly, 0, 0, new java.util.ArrayList<>())).hasSize(1);
        assertThat(ReplayScenario.compare(before, before, 0, 0, new java.util.ArrayList<>())).isEmpty();
    }

    private static Map<String, ReadModelFingerprint.Table> fingerprint(Map<String, String> ledgerColumns) {
        Map<String, ReadModelFingerprint.Table> fingerprint = new java.util.LinkedHashMap<>();
        for (String table : ReadModelFingerprint.TABLES) {
            fingerprint.put(table, table.equals("ledger_entry")
                    ? table(20, String.join("/", new java.util.TreeMap<>(ledgerColumns).values()), ledgerColumns)
                    : table(1, "1", Map.of()));
        }
        return fingerprint;
    }

    @Test
    void instantsAreDrawnWithinTheHistoryToTheMicrosecond() {
        Instant first = Instant.parse("2026-11-21T10:00:00.000001Z");
        Instant last = Instant.parse("2026-11-21T10:05:00.000009Z");
        Random random = new Random(7);
        for (int i = 0; i < 1000; i++) {
            Instant at = PointInTimeReads.instant(random, first, last);
            assertThat(at).isBetween(first, last);
            assertThat(at.getNano() % 1000).isZero();
        }
        assertThat(PointInTimeReads.instant(random, first, first)).isEqualTo(first);
    }

    private static Replays.Run run(String projection, long events, double seconds) {
        return new Replays.Run(projection, "COMPLETED", Instant.EPOCH, Instant.EPOCH.plusMillis((long) (seconds * 1000)),
                events, seconds, null);
    }

    private static ReadModelFingerprint.Table table(long rows, String checksum, Map<String, String> columns) {
        return new ReadModelFingerprint.Table(rows, checksum, new java.util.LinkedHashMap<>(new java.util.TreeMap<>(columns)));
    }

    /** A read result whose sequential reads all took {@code sequentialNanos} and concurrent ones {@code concurrentNanos}. */
    private static PointInTimeReads.Result reads(long entries, long sequentialNanos, long concurrentNanos) {
        Latencies sequential = new Latencies();
        Latencies concurrent = new Latencies();
        for (int i = 0; i < 100; i++) {
            sequential.add(sequentialNanos);
            concurrent.add(concurrentNanos);
        }
        return new PointInTimeReads.Result("hot", entries, Instant.EPOCH, Instant.EPOCH, 10, sequential, 1, concurrent, 8,
                1, new Latencies(), 0, Map.of("balance 200", 200L), 0, List.of());
    }

    @Test
    void onlyAnswersOtherThan200AreFailures() {
        PointInTimeReads.Result result = new PointInTimeReads.Result("hot", 1, Instant.EPOCH, Instant.EPOCH, 1,
                new Latencies(), 1, new Latencies(), 1, 1, new Latencies(), 0,
                Map.of("balance 200", 9L, "audit 200", 2L, "balance 500", 1L, "audit 404", 2L), 0, List.of());

        assertThat(result.failures()).isEqualTo(3);
    }
}
