package com.mizani.bench;

import java.util.concurrent.atomic.AtomicLong;

/** Polls the app's heap use once a second (actuator metrics) and keeps the peak. */
final class HeapSampler implements AutoCloseable {

    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread sampler;

    HeapSampler(Client client) {
        sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Client.Answer heap = client.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
                    if (heap.status() == 200) {
                        long used = (long) heap.json().path("measurements").get(0).path("value").asDouble();
                        peakBytes.accumulateAndGet(used, Math::max);
                    }
                    Thread.sleep(1000);
                } catch (InterruptedException stop) {
                    return;
                } catch (Exception appDown) {
                    // The app may be restarting (chaos); keep sampling.
                }
            }
        });
    }

    long peakBytes() {
        return peakBytes.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
