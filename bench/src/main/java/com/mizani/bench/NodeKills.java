package com.mizani.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * While the cluster's N-node phase runs: SIGKILL a random node at a random point of the middle half of each of
 * {@code count} equal slots of the measured window (for one kill, the middle half of the window), and restart it at
 * once, as {@link Chaos} does to the single app. The other nodes carry the load meanwhile. Every kill is recorded for
 * the report; a node that does not come back is a failure.
 */
final class NodeKills implements AutoCloseable {

    /**
     * @param node          which node, from 1
     * @param atSecond      when it was killed, in seconds from the start of the measured window
     * @param secondsAbsent from the kill until the restarted node answered its health check
     */
    record Kill(int node, long killedPid, long restartedPid, double atSecond, double secondsAbsent) {
    }

    private record Planned(Instant at, int nodeIndex) {
    }

    private final List<Kill> kills = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread thread;

    NodeKills(List<AppProcess> nodes, int count, long seed, Instant measuredFrom, Duration measured) {
        Random random = new Random(seed);
        long slotMillis = measured.toMillis() / Math.max(1, count);
        List<Planned> plan = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long offset = slotMillis * i + slotMillis / 4 + (long) (random.nextDouble() * slotMillis / 2);
            plan.add(new Planned(measuredFrom.plusMillis(offset), random.nextInt(nodes.size())));
        }
        thread = Thread.ofPlatform().name("node-kills").start(() -> {
            try {
                for (Planned planned : plan) {
                    Chaos.sleepUntil(planned.at());
                    AppProcess node = nodes.get(planned.nodeIndex());
                    Instant killedAt = Instant.now();
                    long killedPid = node.pid();
                    node.kill();
                    BenchMain.log("killed node %d (pid %d) with SIGKILL; restarting it", planned.nodeIndex() + 1,
                            killedPid);
                    node.start();
                    double absent = Duration.between(killedAt, Instant.now()).toMillis() / 1000.0;
                    BenchMain.log("node %d back after %.1f s (pid %d)", planned.nodeIndex() + 1, absent, node.pid());
                    record(new Kill(planned.nodeIndex() + 1, killedPid, node.pid(),
                            Duration.between(measuredFrom, killedAt).toMillis() / 1000.0, absent));
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (Exception failure) {
                fail("node kill or restart failed: " + failure);
            }
        });
    }

    private synchronized void record(Kill kill) {
        kills.add(kill);
    }

    private synchronized void fail(String failure) {
        failures.add(failure);
    }

    void awaitDone() throws InterruptedException {
        thread.join();
    }

    synchronized List<Kill> kills() {
        return List.copyOf(kills);
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
