package com.mizani.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * After the load: a 202 only means the money is held, the payout itself goes on in the background. This waits,
 * bounded, until no payout is on its way any more (REQUESTED, RESERVED, SUBMITTED or AMBIGUOUS) and every payout
 * the app acknowledged is in the read model, with a progress line every ten seconds.
 */
final class Drain {

    private static final Duration MINIMUM_LIMIT = Duration.ofSeconds(300);
    static final List<String> OPEN = List.of("REQUESTED", "RESERVED", "SUBMITTED", "AMBIGUOUS");
    /** {@link #OPEN} as an SQL list, for {@code status IN ...}. */
    static final String OPEN_SQL = OPEN.stream().map(status -> "'" + status + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    /**
     * @param finishedAt when the last payout left the open statuses, or when the drain gave up
     * @param payouts    payouts by status at that moment
     */
    record Result(boolean drained, double seconds, Instant finishedAt, Map<String, Long> payouts) {
    }

    private Drain() {
    }

    /**
     * Settlement runs behind acceptance while the load lasts, so the backlog left to drain grows with the load's
     * length; the bound does too: 300 s, or twice the load, whichever is longer.
     */
    static Duration limit(Duration load) {
        Duration twice = load.multipliedBy(2);
        return twice.compareTo(MINIMUM_LIMIT) > 0 ? twice : MINIMUM_LIMIT;
    }

    static Result run(Postgres postgres, Ledger ledger, Duration limit) throws Exception {
        Instant started = Instant.now();
        long acknowledged = ledger.payouts().values().stream().filter(payout -> payout.paymentId() != null).count();
        Instant nextProgress = started;
        try (Connection db = postgres.connect()) {
            while (true) {
                Map<String, Long> byStatus = payoutsByStatus(db);
                long open = OPEN.stream().mapToLong(status -> byStatus.getOrDefault(status, 0L)).sum();
                long visible = byStatus.values().stream().mapToLong(Long::longValue).sum();
                Instant now = Instant.now();
                double seconds = Duration.between(started, now).toMillis() / 1000.0;
                if (open == 0 && visible >= acknowledged) {
                    if (visible > 0) {
                        BenchMain.log("drained in %.1f s: %s", seconds, byStatus);
                    }
                    return new Result(true, seconds, now, byStatus);
                }
                if (now.isAfter(started.plus(limit))) {
                    BenchMain.log("drain gave up after %.0f s: %s", seconds, byStatus);
                    return new Result(false, seconds, now, byStatus);
                }
                if (!now.isBefore(nextProgress)) {
                    BenchMain.log("draining payouts (%.0f s): %d open, %d of %d acknowledged visible, %s", seconds, open,
                            visible, acknowledged, byStatus);
                    nextProgress = now.plusSeconds(10);
                }
                Thread.sleep(500);
            }
        }
    }

    static Map<String, Long> payoutsByStatus(Connection db) throws Exception {
        Map<String, Long> byStatus = new TreeMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT status, COUNT(*) FROM payment_view WHERE kind = 'WITHDRAWAL' GROUP BY status")) {
            while (rows.next()) {
                byStatus.put(rows.getString(1), rows.getLong(2));
            }
        }
        return byStatus;
    }
}
