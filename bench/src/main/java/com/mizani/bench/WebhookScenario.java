package com.mizani.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The webhooks scenario: the transfers load three times on one app. First with no webhook endpoint (what the ledger
 * does alone); then with one endpoint subscribed to every public event, at a receiver in the harness
 * ({@link WebhookSink}): the delivery lag during the load, whether deliveries keep up, and what they cost the ledger's
 * throughput; then with the receiver down for {@code --outage} while the load goes on, and up again: how long until
 * every event stored before it came back is delivered. The audit: the ledger's ({@link Audit}), and every public
 * event stored after the endpoint's registration delivered at least once, each wallet's in the store's order.
 */
final class WebhookScenario {

    /** The store's events the public catalogue publishes one to one (docs/events.md); the load makes only some. */
    static final List<String> PUBLISHED = List.of("wallet.WalletOpenedEvent", "wallet.WalletCreditedEvent",
            "wallet.WalletDebitedEvent", "wallet.FundsReservedEvent", "wallet.ReservationReleasedEvent",
            "wallet.ReservedPartReleasedEvent", "wallet.ReservationCapturedEvent", "wallet.WalletFrozenEvent",
            "wallet.WalletUnfrozenEvent", "wallet.WalletClosedEvent", "transfer.TransferRequestedEvent",
            "transfer.TransferCompletedEvent", "transfer.TransferFailedEvent", "transfer.TransferRejectedEvent");
    static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(15);

    private WebhookScenario() {
    }

    static Report run(BenchOptions options, Instant startedAt) throws Exception {
        Path work = options.workDir().toAbsolutePath();
        BenchMain.log("scenario webhooks: transfers with %d workers on %d wallets, %s warm-up and %s measured per "
                        + "phase: alone, with an endpoint of every event, then its receiver down for %s; seed %d",
                options.concurrency(), options.wallets(), options.warmup(), options.duration(), options.outage(),
                options.seed());
        try (Postgres postgres = new Postgres(work.resolve("postgres"))) {
            postgres.start();
            Baseline.Result baseline = options.baseline()
                    ? Baseline.measure(postgres, options.concurrency(), options.wallets(), work) : null;
            String adminSecret = BenchPrincipal.adminSecret(work, postgres);
            try (Provider provider = new Provider(options.seed(), Funding.totalMinor(options.wallets()));
                 AppProcess app = new AppProcess(options.appJar().toAbsolutePath(), options.appHeap(), work,
                         postgres.jdbcUrl(), options.profile(), provider.appArguments(), adminSecret);
                 WebhookSink sink = new WebhookSink()) {
                app.start();
                List<String> roles = BenchPrincipal.roles(options.scenario());
                BearerTokens.Credentials credentials = BenchPrincipal.register(app.baseUrl(), adminSecret, roles);
                try (BearerTokens tokens = BearerTokens.fetch(credentials)) {
                    Client client = Client.authenticated(app.baseUrl(), tokens);
                    Ledger ledger = Funding.fund(client, options.wallets(), Math.max(8, options.concurrency()));
                    Map<String, Object> figures = new LinkedHashMap<>();
                    List<String> violations = new ArrayList<>();

                    BenchMain.log("phase 1: no webhook endpoint");
                    Map<String, Object> alone = phase(options, app, postgres, client, ledger, null);
                    figures.put("alone", alone);

                    Client.Answer registered = client.post("/api/v1/webhooks/endpoints",
                            "{\"url\":\"%s\",\"eventTypes\":[\"*\"],\"description\":\"bench\"}".formatted(sink.url()),
                            null);
                    if (registered.status() != 201) {
                        throw new IllegalStateException("registering the endpoint answered " + registered.status()
                                + " " + registered.body());
                    }
                    String endpointId = registered.json().path("endpointId").asText();
                    long fromPosition = fromPosition(postgres, endpointId);
                    BenchMain.log("phase 2: endpoint %s of every event at %s", endpointId, sink.url());
                    Map<String, Object> with = phase(options, app, postgres, client, ledger, sink);
                    Instant loadEnded = Instant.now();
                    double keptUp = awaitDelivered(postgres, sink, fromPosition, Long.MAX_VALUE, loadEnded);
                    with.put("secondsFromTheLoadsEndUntilAllDelivered", keptUp < 0 ? "not within " + CATCH_UP_LIMIT
                            : keptUp);
                    figures.put("withWebhooks", with);
                    figures.put("withWebhooksToAloneRatio", Map.of(
                            "transferRequestsPerSecond", ratio(with, alone, "transferRequestsPerSecond"),
                            "completedTransfersVisiblePerSecond", ratio(with, alone, "completedTransfersVisiblePerSecond"),
                            "appCpuCoresUsed", ratio(with, alone, "appCpuCoresUsed")));

                    BenchMain.log("phase 3: the receiver down for %s while the load goes on", options.outage());
                    Map<String, Object> outage = outage(options, app, postgres, client, ledger, sink, fromPosition);
                    figures.put("outage", outage);

                    double last = awaitDelivered(postgres, sink, fromPosition, Long.MAX_VALUE, Instant.now());
                    Set<String> expected = publishedSince(postgres, fromPosition, Long.MAX_VALUE);
                    Set<String> missing = new HashSet<>(expected);
                    missing.removeAll(sink.received());
                    Map<String, Object> delivery = new LinkedHashMap<>();
                    delivery.put("publicEventsStoredAfterRegistration", expected.size());
                    delivery.put("delivered", expected.size() - missing.size());
                    delivery.put("missing", missing.size());
                    delivery.put("requestsReceived", sink.requests());
                    delivery.put("duplicates", sink.duplicates());
                    delivery.put("walletEventsOutOfOrder", sink.outOfOrder());
                    delivery.put("attemptsByOutcome", attemptsByOutcome(postgres, endpointId));
                    figures.put("delivery", delivery);
                    if (last < 0 || !missing.isEmpty()) {
                        violations.add(missing.size() + " public events never delivered, e.g. "
                                + missing.stream().limit(3).toList());
                    }
                    if (sink.outOfOrder() > 0) {
                        violations.add(sink.outOfOrder() + " wallet events first arrived before an earlier one");
                    }
                    figures.put("baseline", Report.baseline(baseline,
                            ((Number) alone.get("completedTransfersVisiblePerSecond")).doubleValue()));
                    BenchMain.log("delivered %d of %d public events (%d duplicates); auditing the ledger",
                            expected.size() - missing.size(), expected.size(), sink.duplicates());
                    Audit.Result audit = Audit.run(client, postgres, ledger, provider, true).with(violations);
                    Map<String, Object> settings = BenchMain.settings(options, provider,
                            BenchMain.authentication(credentials, roles));
                    settings.put("webhooks", ("one endpoint of every public event (eventTypes [\"*\"]) at a receiver "
                            + "in the harness JVM on loopback answering 204 at once; the app's webhook settings at "
                            + "their defaults (32 requests in flight per endpoint, retries 5 s, 5 min, ...); phase 3's "
                            + "receiver refuses connections for %s, then answers again while the load goes on for "
                            + "the rest of its %s").formatted(options.outage(), options.outage().plus(options.duration())));
                    return new Report(options.scenario(), startedAt, settings, figures, null, audit);
                }
            }
        }
    }

    /** One measured transfers load; with a sink, the delivery lag of the events that arrived in its window. */
    private static Map<String, Object> phase(BenchOptions options, AppProcess app, Postgres postgres, Client client,
                                             Ledger ledger, WebhookSink sink) throws Exception {
        Instant measuredFrom = Instant.now().plus(options.warmup());
        CompletableFuture<Double> cpuAtStart = BenchMain.cpuSecondsAt(app::totalCpuSeconds, measuredFrom);
        CompletableFuture<Double> cpuAtEnd = BenchMain.cpuSecondsAt(app::totalCpuSeconds,
                measuredFrom.plus(options.duration()));
        LoadRun.Result load = new LoadRun(options, client, ledger).run();
        return figures(load, postgres, cpuAtEnd.get() - cpuAtStart.get(), sink);
    }

    private static Map<String, Object> figures(LoadRun.Result load, Postgres postgres, double cpuSeconds,
                                               WebhookSink sink) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        ReadModelFigures.Result readModel;
        try (Connection db = postgres.connect()) {
            readModel = ReadModelFigures.measure(db, load.measuredFrom(), load.measuredTo());
        }
        Latencies transfers = load.of(LoadRun.Operation.TRANSFER);
        figures.put("measuredSeconds", load.seconds());
        figures.put("transferRequestsPerSecond", Report.round(transfers.count() / load.seconds()));
        figures.put("completedTransfersVisiblePerSecond", Report.round(readModel.completedVisiblePerSecond()));
        figures.put("transferLatencyMs", Report.latency(transfers));
        figures.put("statusCounts", load.statusCounts());
        figures.put("appCpuCoresUsed", Report.round(cpuSeconds / load.seconds()));
        figures.put("projectionLagMs", Map.of("p50", Report.round(readModel.lagP50Ms()),
                "p99", Report.round(readModel.lagP99Ms()), "max", Report.round(readModel.lagMaxMs())));
        if (sink != null) {
            figures.put("deliveryLagPartsMs", lagParts(postgres, load.measuredFrom(), load.measuredTo()));
            Latencies lags = sink.lagsArrivedBetween(load.measuredFrom(), load.measuredTo());
            figures.put("eventsDeliveredInTheWindow", lags.count());
            figures.put("eventsDeliveredPerSecond", Report.round(lags.count() / load.seconds()));
            figures.put("deliveryLagMs", Report.latency(lags));
        }
        return figures;
    }

    /**
     * The load goes on for {@code outage} with the receiver down, then for {@code duration} with it up again; the
     * catch-up is the time from the receiver's return until every event stored before it was delivered.
     */
    private static Map<String, Object> outage(BenchOptions options, AppProcess app, Postgres postgres, Client client,
                                              Ledger ledger, WebhookSink sink, long fromPosition) throws Exception {
        BenchOptions window = options.withWindow(Duration.ZERO, options.outage().plus(options.duration()));
        Instant start = Instant.now();
        CompletableFuture<Double> cpuAtEnd = BenchMain.cpuSecondsAt(app::totalCpuSeconds,
                start.plus(window.duration()));
        double cpuAtStart = app.totalCpuSeconds();
        sink.stop();
        CompletableFuture<Map<String, Object>> caughtUp = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(options.outage().toMillis());
                long headAtReturn = head(postgres);
                sink.start();
                Instant back = Instant.now();
                BenchMain.log("the receiver is back; waiting for every event up to position %d", headAtReturn);
                double seconds = awaitDelivered(postgres, sink, fromPosition, headAtReturn, back);
                Map<String, Object> recovery = new LinkedHashMap<>();
                recovery.put("eventsStoredDuringTheOutage", publishedBetween(postgres, start, back));
                recovery.put("secondsFromTheReceiversReturnUntilEveryEarlierEventWasDelivered",
                        seconds < 0 ? "not within " + CATCH_UP_LIMIT : seconds);
                return recovery;
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        LoadRun.Result load = new LoadRun(window, client, ledger).run();
        Map<String, Object> figures = figures(load, postgres, cpuAtEnd.get() - cpuAtStart, null);
        figures.putAll(caughtUp.get());
        return figures;
    }

    /**
     * Seconds from {@code since} until the receiver holds every public event after {@code fromPosition} up to {@code
     * throughPosition}; -1 if that did not happen within {@link #CATCH_UP_LIMIT}.
     */
    static double awaitDelivered(Postgres postgres, WebhookSink sink, long fromPosition, long throughPosition,
                                 Instant since) throws Exception {
        Set<String> expected = publishedSince(postgres, fromPosition, throughPosition);
        Instant limit = since.plus(CATCH_UP_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (sink.received().containsAll(expected)) {
                return Report.round(Duration.between(since, Instant.now()).toMillis() / 1000.0);
            }
            Thread.sleep(200);
            if (throughPosition == Long.MAX_VALUE) {
                expected = publishedSince(postgres, fromPosition, throughPosition);
            }
        }
        return -1;
    }

    private static Set<String> publishedSince(Postgres postgres, long fromPosition, long throughPosition)
            throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection db = postgres.connect();
             PreparedStatement query = db.prepareStatement("SELECT event_identifier FROM domain_event_entry "
                     + "WHERE global_index > ? AND global_index <= ? AND payload_type = ANY (?)")) {
            query.setLong(1, fromPosition);
            query.setLong(2, throughPosition);
            query.setArray(3, db.createArrayOf("text", PUBLISHED.stream().map(type -> "com.mizani.kernel." + type)
                    .toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Where the delivery lag of the events stored in [from, to) goes, from the app's own tables: the fan-out (the event
     * stored to its delivery row written by the webhooks processor) and the dispatch (that row to its first attempt).
     */
    private static Map<String, Object> lagParts(Postgres postgres, Instant from, Instant to) throws Exception {
        Map<String, Object> parts = new LinkedHashMap<>();
        try (Connection db = postgres.connect();
             PreparedStatement query = db.prepareStatement("""
                     SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY fan_out), percentile_cont(0.99) WITHIN GROUP
                            (ORDER BY fan_out), percentile_cont(0.5) WITHIN GROUP (ORDER BY dispatch),
                            percentile_cont(0.99) WITHIN GROUP (ORDER BY dispatch)
                     FROM (SELECT extract(epoch FROM d.created_at - m.created_at) * 1000 AS fan_out,
                                  extract(epoch FROM a.first_attempt - d.created_at) * 1000 AS dispatch
                           FROM webhook_delivery d JOIN webhook_message m ON m.id = d.message_id
                           JOIN (SELECT delivery_id, min(attempted_at) AS first_attempt FROM webhook_attempt
                                 GROUP BY delivery_id) a ON a.delivery_id = d.id
                           WHERE m.created_at >= ? AND m.created_at < ?) lags""")) {
            query.setTimestamp(1, java.sql.Timestamp.from(from));
            query.setTimestamp(2, java.sql.Timestamp.from(to));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                parts.put("fanOutP50", Report.round(rows.getDouble(1)));
                parts.put("fanOutP99", Report.round(rows.getDouble(2)));
                parts.put("dispatchP50", Report.round(rows.getDouble(3)));
                parts.put("dispatchP99", Report.round(rows.getDouble(4)));
            }
        }
        return parts;
    }

    private static long publishedBetween(Postgres postgres, Instant from, Instant to) throws Exception {
        try (Connection db = postgres.connect();
             PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM domain_event_entry "
                     + "WHERE time_stamp >= ? AND time_stamp < ? AND payload_type = ANY (?)")) {
            query.setString(1, from.toString());
            query.setString(2, to.toString());
            query.setArray(3, db.createArrayOf("text", PUBLISHED.stream().map(type -> "com.mizani.kernel." + type)
                    .toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static long head(Postgres postgres) throws Exception {
        try (Connection db = postgres.connect()) {
            return Audit.single(db, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
        }
    }

    private static long fromPosition(Postgres postgres, String endpointId) throws Exception {
        try (Connection db = postgres.connect();
             PreparedStatement query = db.prepareStatement("SELECT from_position FROM webhook_endpoint WHERE id = ?")) {
            query.setObject(1, UUID.fromString(endpointId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Map<String, Long> attemptsByOutcome(Postgres postgres, String endpointId) throws Exception {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        try (Connection db = postgres.connect();
             PreparedStatement query = db.prepareStatement("SELECT outcome, COUNT(*) FROM webhook_attempt "
                     + "WHERE endpoint_id = ? GROUP BY outcome ORDER BY outcome")) {
            query.setObject(1, UUID.fromString(endpointId));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return outcomes;
    }

    private static Object ratio(Map<String, Object> with, Map<String, Object> alone, String figure) {
        double base = ((Number) alone.get(figure)).doubleValue();
        return base == 0 ? null : Report.round(((Number) with.get(figure)).doubleValue() / base);
    }
}
