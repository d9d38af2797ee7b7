package com.mizani.providersim;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A mobile-money provider speaking the Daraja (M-Pesa) API shapes, with its own ledger and injectable faults, so
 * the app's payment adapter can be exercised end to end without the real provider. Binds to 127.0.0.1 only.
 *
 * <pre>{@code
 * try (ProviderSimulator simulator = new ProviderSimulator()) {
 *     int port = simulator.start(SimulatorConfig.of("key", "secret", "callback-secret", 42));
 *     ...
 * }
 * }</pre>
 */
public final class ProviderSimulator implements AutoCloseable {

    private final Clock clock;
    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    private HttpServer server;
    private ExecutorService handlerThreads;
    private CallbackSender callbacks;
    private Delays delays;

    public ProviderSimulator() {
        this(Clock.systemUTC());
    }

    public ProviderSimulator(Clock clock) {
        this.clock = clock;
    }

    /** Starts serving and returns the bound port (the chosen one when the config asks for port 0). */
    public synchronized int start(SimulatorConfig config) throws IOException {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        faults.set(config.faults());
        delays = new Delays();
        callbacks = new CallbackSender(config.callbackSecret(), faults::get, delays);
        Ids ids = new Ids(config.seed());
        FaultDice dice = new FaultDice(config.seed());
        PayoutLedger ledger = new PayoutLedger(config.startingFloat(), ids);
        AccessTokens tokens = new AccessTokens(config.consumerKey(), config.consumerSecret(), clock);
        AdminEndpoints admin = new AdminEndpoints(ledger, faults);

        List<JsonRoute> routes = List.of(
                new JsonRoute(OAuthEndpoint.PATH).on("GET", new OAuthEndpoint(tokens, faults::get, delays)),
                new JsonRoute(B2cPaymentEndpoint.PATH).on("POST", new ProviderCall(tokens, faults::get, dice, delays,
                        new B2cPaymentEndpoint(ledger, callbacks, clock))),
                new JsonRoute(TransactionStatusEndpoint.PATH).on("POST", new ProviderCall(tokens, faults::get, dice, delays,
                        new TransactionStatusEndpoint(ledger, callbacks, ids, clock))),
                new JsonRoute(AdminEndpoints.LEDGER_PATH).on("GET", admin::ledger),
                new JsonRoute(AdminEndpoints.BALANCE_PATH).on("GET", admin::balance),
                new JsonRoute(AdminEndpoints.FAULTS_PATH).on("GET", admin::readFaults).on("POST", admin::changeFaults),
                // Catches every other path, so that unknown paths get a Daraja-like 404 body too.
                new JsonRoute("/"));

        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        for (JsonRoute route : routes) {
            created.createContext(route.path(), route);
        }
        // Virtual threads, because held connections and injected latency park a handler thread each.
        handlerThreads = Executors.newVirtualThreadPerTaskExecutor();
        created.setExecutor(handlerThreads);
        created.start();
        server = created;
        return port();
    }

    public synchronized int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public Faults faults() {
        return faults.get();
    }

    /** Changes the faults in force, like {@code POST /simulator/faults} but from the same JVM. */
    public void setFaults(Faults newFaults) {
        faults.set(Objects.requireNonNull(newFaults, "faults"));
    }

    /** Stops serving: held connections and pending late callbacks are abandoned, not waited out. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        delays.cancelAll();
        server.stop(1);
        callbacks.close();
        handlerThreads.shutdownNow();
        server = null;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
    }
}
