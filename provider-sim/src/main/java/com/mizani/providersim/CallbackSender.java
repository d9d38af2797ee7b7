package com.mizani.providersim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs signed callbacks (B2C, status and balance {@code Result}s, STK callbacks, C2B confirmations), applying the
 * callback faults: lost, duplicated, late, out of order.
 * Delivery is fire-and-forget like Daraja's: a failed POST is logged, not retried, because the app must cope with
 * a result that never arrives (by querying the transaction status).
 */
final class CallbackSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    private static final long DEFAULT_OVERTAKE_WAIT_MS = 1_000;
    /**
     * POSTs in flight at once. Unbounded, a burst of a thousand payouts would open a thousand connections to the
     * app at the same moment and overflow its accept queue: callbacks lost that no fault asked for. It also keeps
     * the connection pool below the 200 idle connections a JDK HttpServer receiver keeps alive.
     */
    static final int MAX_POSTS_IN_FLIGHT = 64;

    private final String secret;
    private final Supplier<Faults> faults;
    private final Delays delays;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(SEND_TIMEOUT)
            .executor(senders)
            .build();
    // Fair, so that under load callbacks still go out in about the order they were made.
    private final Semaphore postSlots = new Semaphore(MAX_POSTS_IN_FLIGHT, true);
    // The callback waiting for a later one to overtake it when outOfOrder is on; guarded by this.
    private Callback parked;

    CallbackSender(String secret, Supplier<Faults> faults, Delays delays) {
        this.secret = secret;
        this.faults = faults;
        this.delays = delays;
    }

    /** Sends {@code body} to {@code url} in the background, unless the request's fate says the callback is lost. */
    void send(URI url, JsonNode body, FaultDice.RequestFate fate) {
        if (fate.lostCallback()) {
            log.info("lost-callback fault: not sending the result for {}", url);
            return;
        }
        // Serialised once, so a duplicate is the same bytes with the same signature.
        byte[] bytes = Json.bytes(body);
        int copies = fate.duplicateCallback() ? 2 : 1;
        Faults now = faults.get();
        if (now.outOfOrder()) {
            long waitMs = now.lateCallbackMs() > 0 ? now.lateCallbackMs() : DEFAULT_OVERTAKE_WAIT_MS;
            for (int i = 0; i < copies; i++) {
                deliverAfterTheNextOne(new Callback(url, bytes), waitMs);
            }
            return;
        }
        Callback callback = new Callback(url, bytes);
        senders.execute(() -> {
            if (delays.pause(now.lateCallbackMs())) {
                for (int i = 0; i < copies; i++) {
                    post(callback);
                }
            }
        });
    }

    /**
     * Swaps the order of consecutive callbacks: the first one parks, the next one goes out first and then releases
     * it (so a duplicate overtakes its own first copy). A parked callback that nobody overtakes within
     * {@code waitMs} goes out alone, so this fault never loses one. The slot is claimed here, in the request's
     * thread, so the order follows the order of the requests.
     */
    private void deliverAfterTheNextOne(Callback callback, long waitMs) {
        Callback overtaken;
        synchronized (this) {
            overtaken = parked;
            parked = overtaken == null ? callback : null;
        }
        if (overtaken != null) {
            senders.execute(() -> {
                post(callback);
                post(overtaken);
            });
            return;
        }
        senders.execute(() -> {
            delays.pause(waitMs);
            boolean nobodyOvertook;
            synchronized (this) {
                nobodyOvertook = parked == callback;
                if (nobodyOvertook) {
                    parked = null;
                }
            }
            if (nobodyOvertook && !delays.isClosing()) {
                post(callback);
            }
        });
    }

    private void post(Callback callback) {
        HttpRequest request = HttpRequest.newBuilder(callback.url())
                .timeout(SEND_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(CallbackSignature.HEADER, CallbackSignature.sign(secret, callback.body()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
                .build();
        try {
            postSlots.acquire();
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            log.info("callback to {} answered {}", callback.url(), response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (delays.isClosing()) {
                log.debug("callback to {} abandoned: the simulator is closing", callback.url());
            } else {
                log.warn("callback to {} failed: {}", callback.url(), e.toString());
            }
        } finally {
            postSlots.release();
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
        client.shutdownNow();
    }

    /** Identity matters here: the parked-callback check compares instances, not contents. */
    private static final class Callback {
        private final URI url;
        private final byte[] body;

        Callback(URI url, byte[] body) {
            this.url = url;
            this.body = body;
        }

        URI url() {
            return url;
        }

        byte[] body() {
            return body;
        }
    }
}
