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

    private static final String MAX_IDLE_CONNECTIONS = "sun.net.httpserver.maxIdleConnections";

    static {
        // The JDK HttpServer closes a kept-alive connection after its response, without telling the client, once
        // 200 connections are idle. A client with a bigger pool then fails on the stale connection, which would look
        // like a provider fault nobody injected. The JDK reads this once, when the first HttpServer of the JVM
        // starts, so it only helps if that is this one; an explicit setting is left alone.
        if (System.getProperty(MAX_IDLE_CONNECTIONS) == null) {
            System.setProperty(MAX_IDLE_CONNECTIONS, "10000");
        }
    }

    private final Clock clock;
    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.NONE);
    private HttpServer server;
    private ExecutorService handlerThreads;
    private CallbackSender callbacks;
    private LaterWork later;
    private Delays delays;
    private Ledger ledger;

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
        later = new LaterWork();
        Ids ids = new Ids(config.seed());
        FaultDice dice = new FaultDice(config.seed());
        Ledger books = new Ledger(config.startingFloat(), ids);
        AccessTokens tokens = new AccessTokens(config.consumerKey(), config.consumerSecret(), clock);
        AdminEndpoints admin = new AdminEndpoints(books, faults, callbacks, clock);
        C2bEndpoints c2b = new C2bEndpoints(books, callbacks, ids, clock);

        List<JsonRoute> routes = List.of(
                new JsonRoute(OAuthEndpoint.PATH).on("GET", new OAuthEndpoint(tokens, faults::get, delays)),
                providerCall(B2cPaymentEndpoint.PATH, tokens, dice, new B2cPaymentEndpoint(books, callbacks, later, faults::get, ids, clock)),
                providerCall(TransactionStatusEndpoint.PATH, tokens, dice,
                        new TransactionStatusEndpoint(books, callbacks, ids, clock)),
                providerCall(StkPushEndpoint.PATH, tokens, dice, new StkPushEndpoint(books, callbacks, clock)),
                providerCall(StkQueryEndpoint.PATH, tokens, dice, new StkQueryEndpoint(books)),
                providerCall(C2bEndpoints.REGISTER_PATH, tokens, dice, c2b::register),
                providerCall(C2bEndpoints.SIMULATE_PATH, tokens, dice, c2b::simulate),
                providerCall(AccountBalanceEndpoint.PATH, tokens, dice,
                        new AccountBalanceEndpoint(books, callbacks, ids, clock)),
                new JsonRoute(AdminEndpoints.LEDGER_PATH).on("GET", admin::ledger),
                new JsonRoute(AdminEndpoints.BALANCE_PATH).on("GET", admin::balance),
                new JsonRoute(AdminEndpoints.STK_PATH).on("GET", admin::stk),
                JsonRoute.under(AdminEndpoints.TRANSACTIONS_PATH).on("GET", admin::transaction),
                JsonRoute.under(AdminEndpoints.PAYOUTS_PATH).on("POST", admin::reverse),
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
        ledger = books;
        return port();
    }

    /** A Daraja call: bearer token, transport faults and latency around the business part. */
    private JsonRoute providerCall(String path, AccessTokens tokens, FaultDice dice, TransactionEndpoint endpoint) {
        return new JsonRoute(path).on("POST", new ProviderCall(tokens, faults::get, dice, delays, endpoint));
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

    /**
     * The simulator's books now, like the totals of {@code GET /simulator/ledger} but from the same JVM. Still
     * readable after {@link #close()}, so a test can check the books once everything has stopped.
     */
    public synchronized LedgerTotals ledgerTotals() {
        if (ledger == null) {
            throw new IllegalStateException("not started");
        }
        return ledger.totals();
    }

    /**
     * Up to {@code limit} B2C payouts after the one at {@code afterSequence} (0: from the first), oldest first, as
     * {@code GET /simulator/ledger?direction=PAID&after=} lists them but from the same JVM. Readable after
     * {@link #close()} too.
     */
    public synchronized List<PayoutLine> payouts(long afterSequence, int limit) {
        if (ledger == null) {
            throw new IllegalStateException("not started");
        }
        return ledger.after(LedgerRecord.Direction.PAID, afterSequence, limit).stream().map(PayoutLine::of).toList();
    }

    /** A page of every payment received (pushes and pay-bill payments), in ledger order after {@code afterSequence}. */
    public synchronized List<ReceivedLine> received(long afterSequence, int limit) {
        if (ledger == null) {
            throw new IllegalStateException("not started");
        }
        return ledger.after(LedgerRecord.Direction.RECEIVED, afterSequence, limit).stream().map(ReceivedLine::of)
                .toList();
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
        later.close();
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
