package com.mizani.providersim;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the provider does some time after it answered a request (a payout processed late, a failure it contradicts),
 * on a scheduler the simulator owns, so no HTTP handler thread waits for it. Work still pending when the simulator
 * closes is dropped, like late callbacks.
 */
final class LaterWork implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaterWork.class);

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("simulator-later-work").factory());

    /** Runs {@code work} once, {@code delayMs} from now; {@code what} names it in the log if it fails. */
    void after(long delayMs, String what, Runnable work) {
        try {
            scheduler.schedule(() -> {
                try {
                    work.run();
                } catch (RuntimeException failed) {
                    log.error("{} failed", what, failed);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("{} dropped: the simulator is closing", what);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
