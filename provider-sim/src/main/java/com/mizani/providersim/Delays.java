package com.mizani.providersim;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The waits the faults need (latency, held connections, late callbacks). They all end early when the simulator
 * closes, so that closing never waits out a 30-second injected timeout.
 */
final class Delays {

    private final CountDownLatch closing = new CountDownLatch(1);

    /** Waits {@code millis}, or less if the simulator closes; returns false if it was cut short. */
    boolean pause(long millis) {
        if (millis <= 0) {
            return !isClosing();
        }
        try {
            return !closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isClosing() {
        return closing.getCount() == 0;
    }

    void cancelAll() {
        closing.countDown();
    }
}
