package com.mizani.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * While a chaos load runs, what the provider does besides its fault rates: half-way through it lengthens the
 * settlement delay past the settle window ({@link Provider#LONG_SETTLEMENT_DELAY_MS}), and at {@value #REVERSALS}
 * evenly spaced moments it reverses one SETTLED payout, picked at random, through the simulator's admin endpoint.
 * <p>
 * A reversal is made only while the app answers its health check: the simulator sends its result once and never
 * again (Daraja does not retry callbacks either), so a reversal sent to a dead app is one the app can never learn
 * of, and this run is about what the app does with the contradictions it is told. For the same reason none is made
 * when chaos is about to kill the app or restart the database ({@value #CLEAR_OF_DISRUPTION_SECONDS} s): the app
 * could answer its health check and die before it has stored the reversal. How a contradiction that meets a dead app
 * is lost is a finding of its own (docs/benchmarks.md), not measured here.
 */
final class ProviderIncidents implements AutoCloseable {

    static final int REVERSALS = 6;
    static final int CLEAR_OF_DISRUPTION_SECONDS = 5;

    private final AtomicInteger reversed = new AtomicInteger();
    private final AtomicInteger notPaid = new AtomicInteger();
    private final AtomicInteger appDown = new AtomicInteger();
    private final AtomicInteger disruptionDue = new AtomicInteger();
    private final AtomicInteger nothingSettled = new AtomicInteger();
    private final List<String> reversedIds = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private volatile Instant longDelayFrom;
    private final Thread thread;

    ProviderIncidents(Provider provider, Postgres postgres, String appBaseUrl, Chaos chaos, Duration window,
                      Instant start) {
        Client app = new Client(appBaseUrl);
        Instant halfWay = start.plus(window.dividedBy(2));
        long stepMillis = window.toMillis() / (REVERSALS + 1);
        thread = Thread.ofPlatform().name("provider-incidents").start(() -> {
            boolean lengthened = false;
            try {
                for (int i = 1; i <= REVERSALS; i++) {
                    Instant at = start.plusMillis(stepMillis * i);
                    if (!lengthened && !halfWay.isAfter(at)) {
                        Chaos.sleepUntil(halfWay);
                        lengthen(provider);
                        lengthened = true;
                    }
                    Chaos.sleepUntil(at);
                    if (chaos.disruptionDueWithin(Duration.ofSeconds(CLEAR_OF_DISRUPTION_SECONDS))) {
                        disruptionDue.incrementAndGet();
                    } else {
                        reverseOne(provider, postgres, app);
                    }
                }
                if (!lengthened) {
                    Chaos.sleepUntil(halfWay);
                    lengthen(provider);
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception failure) {
                failure("provider incident step failed: " + failure);
            }
        });
    }

    private void lengthen(Provider provider) {
        provider.faults(Provider.CHAOS_FAULTS.withSettlementDelayMs(Provider.LONG_SETTLEMENT_DELAY_MS));
        longDelayFrom = Instant.now();
        BenchMain.log("provider: payouts processed late now wait %d ms (past the settle window)",
                Provider.LONG_SETTLEMENT_DELAY_MS);
    }

    private void reverseOne(Provider provider, Postgres postgres, Client app) throws Exception {
        if (!healthy(app)) {
            appDown.incrementAndGet();
            return;
        }
        String paymentId;
        try (Connection db = postgres.connect(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT payment_id FROM payment_view WHERE kind = 'WITHDRAWAL' AND status = 'SETTLED'
                     ORDER BY random() LIMIT 1""")) {
            paymentId = rows.next() ? rows.getString(1) : null;
        } catch (Exception databaseAway) {
            // Chaos restarts PostgreSQL once; a reversal then is skipped like one while the app is down.
            appDown.incrementAndGet();
            return;
        }
        if (paymentId == null) {
            nothingSettled.incrementAndGet();
            return;
        }
        if (provider.reverse(paymentId)) {
            reversed.incrementAndGet();
            synchronized (reversedIds) {
                reversedIds.add(paymentId);
            }
            BenchMain.log("provider: reversed settled payout %s", paymentId);
        } else {
            notPaid.incrementAndGet();
        }
    }

    private static boolean healthy(Client app) {
        try {
            return app.get("/actuator/health").status() == 200;
        } catch (Exception down) {
            return false;
        }
    }

    private void failure(String failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    void awaitDone() throws InterruptedException {
        thread.join();
    }

    /** What it did, for the report's chaos section. */
    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("settled payouts reversed by the provider", reversed.get());
        synchronized (reversedIds) {
            figures.put("reversed payouts", List.copyOf(reversedIds));
        }
        figures.put("reversals skipped (app or database not answering)", appDown.get());
        figures.put("reversals skipped (a kill or the database restart due within " + CLEAR_OF_DISRUPTION_SECONDS
                + " s)", disruptionDue.get());
        figures.put("reversals skipped (nothing settled yet, or the provider had not paid it)",
                nothingSettled.get() + notPaid.get());
        figures.put("settlement delay lengthened to " + Provider.LONG_SETTLEMENT_DELAY_MS + " ms at",
                String.valueOf(longDelayFrom));
        return figures;
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
