package com.mizani.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * While the load runs: SIGKILL the app at random moments and restart it at once, and restart PostgreSQL once
 * half-way. Everything it does is counted for the report. After each restart the token the harness held before it
 * must still be accepted (the issuer's signing keys and clients are in PostgreSQL); one refused is a failure.
 */
final class Chaos implements AutoCloseable {

    /** Any authenticated read does; this one is cheap and answers 404 to a token that holds, 401 to one that does not. */
    private static final String TOKEN_PROBE = "/api/v1/wallets/00000000-0000-0000-0000-000000000000";

    private final AtomicInteger kills = new AtomicInteger();
    private final AtomicInteger appRestarts = new AtomicInteger();
    private final AtomicInteger tokensKept = new AtomicInteger();
    private final AtomicInteger databaseRestarts = new AtomicInteger();
    private final List<String> failures = new ArrayList<>();
    private final List<Instant> disruptions = new ArrayList<>();
    private final Thread thread;

    Chaos(AppProcess app, Postgres postgres, Client client, BenchOptions options, Instant start) {
        Random random = new Random(options.seed());
        Duration window = options.warmup().plus(options.duration());
        long slotMillis = window.toMillis() / (options.kills() + 1);
        List<Instant> killAt = new ArrayList<>();
        for (int i = 0; i < options.kills(); i++) {
            // One kill in each slot, at a random point of its middle half.
            killAt.add(start.plusMillis(slotMillis * (i + 1) - slotMillis / 4 + (long) (random.nextDouble() * slotMillis / 2)));
        }
        Instant databaseRestartAt = start.plus(window.dividedBy(2)).plusMillis(slotMillis / 2);
        disruptions.addAll(killAt);
        disruptions.add(databaseRestartAt);
        thread = Thread.ofPlatform().name("chaos").start(() -> {
            boolean databaseRestarted = false;
            try {
                for (Instant at : killAt) {
                    if (!databaseRestarted && databaseRestartAt.isBefore(at)) {
                        sleepUntil(databaseRestartAt);
                        postgres.restart();
                        databaseRestarts.incrementAndGet();
                        databaseRestarted = true;
                    }
                    sleepUntil(at);
                    app.kill();
                    kills.incrementAndGet();
                    app.start();
                    appRestarts.incrementAndGet();
                    checkToken(client, appRestarts.get());
                }
                if (!databaseRestarted) {
                    sleepUntil(databaseRestartAt);
                    postgres.restart();
                    databaseRestarts.incrementAndGet();
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception failure) {
                failure("chaos step failed: " + failure);
            }
        });
    }

    private void checkToken(Client client, int restart) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                int status = client.getWithCurrentToken(TOKEN_PROBE).status();
                if (status == 401) {
                    failure("the token held before app restart %d was refused after it".formatted(restart));
                } else {
                    tokensKept.incrementAndGet();
                }
                return;
            } catch (IOException noAnswer) {
                if (attempt == 3) {
                    failure("could not ask the app whether the token still holds after restart %d: %s"
                            .formatted(restart, noAnswer));
                    return;
                }
                Thread.sleep(500);
            }
        }
    }

    private void failure(String failure) {
        synchronized (failures) {
            failures.add(failure);
        }
    }

    /** Sleeps until {@code at}; at once if it has passed. The chaos steps of the load run at moments fixed ahead. */
    static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    /**
     * Whether a kill or the database restart is due within {@code span} from now: a provider message sent now could
     * meet an app that dies before it has stored it, and the simulator sends each message once.
     */
    boolean disruptionDueWithin(Duration span) {
        Instant now = Instant.now();
        return disruptions.stream().anyMatch(at -> !at.isBefore(now) && at.isBefore(now.plus(span)));
    }

    void awaitDone() throws InterruptedException {
        thread.join();
    }

    int kills() {
        return kills.get();
    }

    int appRestarts() {
        return appRestarts.get();
    }

    /** App restarts after which the token held before was still accepted. */
    int tokensKept() {
        return tokensKept.get();
    }

    int databaseRestarts() {
        return databaseRestarts.get();
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
