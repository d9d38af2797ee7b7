package com.mizani.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * The cluster scenario: the transfers load on one app node, then on {@code --nodes} nodes, in one run, so that both
 * phases meet the same database, wallets, workers and machine. The nodes share the harness's PostgreSQL and one
 * MongoDB-wire server ({@link MongoWireProcess}), which the one-node phase uses too; the load reaches them in turn
 * ({@link RoundRobin}), and a request that its node did not answer, or answered 409 {@code CONCURRENT_MODIFICATION},
 * 503 or another 5xx, is resent to the next node with the same idempotency key ({@link LoadRun}). During the N-node
 * phase's measured window {@link NodeKills} SIGKILLs a random node and restarts it at once. After both phases: the
 * drain and the full {@link Audit} of every transfer either phase saw acknowledged.
 */
final class ClusterScenario {

    /**
     * The {@code iss} of every node's tokens. Each node runs the embedded issuer on its own port and by default names
     * itself after that port, so a token fetched from one node would be refused by the others. The cluster has one
     * name, as a load balancer's address would be, that resolves nowhere: nothing is fetched from it, since every
     * node verifies tokens against the signing keys they share in PostgreSQL.
     */
    static final String ISSUER = "http://mizani-cluster.invalid";
    /** The report's count of kills, in its chaos section. */
    static final String KILL_COUNT = "node kills (SIGKILL), each restarted at once";

    /** One phase's load, its nodes' CPU seconds over its measured window, its kills and the kills that failed. */
    record Phase(int number, int nodes, LoadRun.Result load, double cpuSeconds, List<NodeKills.Kill> kills,
                         List<String> failures) {
    }

    /** The app nodes, node 1 first; all of them stopped at the end, whichever were started. */
    private record Nodes(List<AppProcess> all) implements AutoCloseable {

        List<AppProcess> first(int count) {
            return all.subList(0, count);
        }

        @Override
        public void close() throws InterruptedException {
            for (AppProcess node : all) {
                node.close();
            }
        }
    }

    private ClusterScenario() {
    }

    static Report run(BenchOptions options, Instant startedAt) throws Exception {
        Path work = options.workDir().toAbsolutePath();
        BenchMain.log("scenario cluster: 1 node, then %d; each phase %s warm-up and %s measured; %d workers, %d "
                        + "wallets, %d kill(s) in the second phase, seed %d", options.nodes(), options.warmup(),
                options.duration(), options.concurrency(), options.wallets(), options.kills(), options.seed());
        try (Postgres postgres = new Postgres(work.resolve("postgres"))) {
            postgres.start();
            BenchMain.log("PostgreSQL on port %d", postgres.port());
            Baseline.Result baseline = null;
            if (options.baseline()) {
                baseline = Baseline.measure(postgres, options.concurrency(), options.wallets(), work);
                BenchMain.log("baseline: pgbench at %d clients: single-row inserts %s tps, pure-SQL ledger "
                                + "transfers %s tps", options.concurrency(), baseline.insertTransactionsPerSecond(),
                        baseline.ledgerTransfersPerSecond());
            }
            String adminSecret = BenchPrincipal.adminSecret(work, postgres);
            try (MongoWireProcess mongo = MongoWireProcess.start(work);
                 Provider provider = new Provider(options.seed(), Funding.totalMinor(options.wallets()));
                 Nodes nodes = nodes(options, work, postgres, provider, mongo, adminSecret)) {
                BenchMain.log("MongoDB-wire server at %s (pid %d)", mongo.uri(), mongo.pid());
                // Node 1 meets the empty database alone: it migrates it and creates the bootstrap admin.
                AppProcess first = nodes.all().getFirst();
                first.start();
                List<String> roles = BenchPrincipal.roles(options.scenario());
                BearerTokens.Credentials credentials = BenchPrincipal.register(first.baseUrl(), adminSecret, roles);
                BenchMain.log("node 1 started (pid %d, %s); the harness is client %s with roles %s; funding %d wallets",
                        first.pid(), first.baseUrl(), credentials.clientId(), roles, options.wallets());
                try (BearerTokens tokens = BearerTokens.fetch(credentials)) {
                    List<Client> clients = nodes.all().stream()
                            .map(node -> Client.authenticated(node.baseUrl(), tokens)).toList();
                    Ledger ledger = Funding.fund(clients.getFirst(), options.wallets(),
                            Math.max(8, options.concurrency()));

                    BenchMain.log("funded; phase 1: one node");
                    Phase one = phase(1, options, nodes, 1, clients, ledger, 0);
                    BenchMain.log("phase 1 done: %.1f transfer requests/s", perSecond(one.load()));
                    for (int i = 1; i < options.nodes(); i++) {
                        AppProcess node = nodes.all().get(i);
                        node.start();
                        BenchMain.log("node %d started (pid %d, %s)", i + 1, node.pid(), node.baseUrl());
                    }
                    BenchMain.log("phase 2: %d node(s), %d kill(s)", options.nodes(), options.kills());
                    Phase two = phase(2, options, nodes, options.nodes(), clients, ledger, options.kills());
                    BenchMain.log("phase 2 done: %.1f transfer requests/s; auditing", perSecond(two.load()));

                    // As after every scenario, bounded by the length of the load: here both phases'.
                    Drain.Result drain = Drain.run(postgres, ledger,
                            Drain.limit(options.warmup().plus(options.duration()).multipliedBy(2)));
                    Audit.Result audit = Audit.run(clients.getFirst(), postgres, ledger, provider, true)
                            .with(two.failures());
                    List<Phase> phases = List.of(one, two);
                    Map<String, Object> figures = figures(phases, readModels(phases, postgres), baseline, drain);
                    figures.put("bearerTokens", tokens.statistics());
                    return new Report(options.scenario(), startedAt,
                            settings(options, provider, mongo, BenchMain.authentication(credentials, roles)), figures,
                            kills(two), audit);
                }
            }
        }
    }

    /**
     * The nodes, not started: each with a work directory of its own (its log, its JFR recording) and the same
     * settings, node 1 first.
     */
    private static Nodes nodes(BenchOptions options, Path work, Postgres postgres, Provider provider,
                               MongoWireProcess mongo, String adminSecret) throws Exception {
        List<String> arguments = new ArrayList<>(provider.appArguments());
        arguments.addAll(clusterArguments(mongo));
        List<AppProcess> nodes = new ArrayList<>();
        for (int i = 1; i <= options.nodes(); i++) {
            nodes.add(new AppProcess(options.appJar().toAbsolutePath(), options.appHeap(), work.resolve("node-" + i),
                    postgres.jdbcUrl(), options.profile(), arguments, adminSecret));
        }
        return new Nodes(nodes);
    }

    /**
     * What every node is started with besides the database and the provider: the shared MongoDB-wire server (so no
     * node starts its own in-process one), and the cluster's one issuer name. Boot's MongoDB health indicator sends
     * {@code hello}, which the wire server does not implement, so it would report every node DOWN; the app replaces it
     * with a {@code ping} only for its in-process server. The harness needs to know that a node is up, not that check,
     * so the indicator is off ({@code management.health.mongodb}: Boot 4's name; {@code management.health.mongo} is
     * its old one, no longer read since 4.0).
     */
    private static List<String> clusterArguments(MongoWireProcess mongo) {
        return List.of("--spring.mongodb.uri=" + mongo.uri(), "--management.health.mongodb.enabled=false",
                "--mizani.security.local-issuer=" + ISSUER);
    }

    /**
     * One phase on the first {@code count} nodes, its own warm-up then its measured window, with {@code kills} kills
     * in that window.
     */
    private static Phase phase(int number, BenchOptions options, Nodes nodes, int count, List<Client> clients,
                               Ledger ledger, int kills) throws Exception {
        List<AppProcess> running = nodes.first(count);
        DoubleSupplier cpuSeconds = () -> running.stream().mapToDouble(AppProcess::totalCpuSeconds).sum();
        Instant measuredFrom = Instant.now().plus(options.warmup());
        CompletableFuture<Double> cpuAtStart = BenchMain.cpuSecondsAt(cpuSeconds, measuredFrom);
        CompletableFuture<Double> cpuAtEnd = BenchMain.cpuSecondsAt(cpuSeconds, measuredFrom.plus(options.duration()));
        try (NodeKills killer = new NodeKills(running, kills, options.seed(), measuredFrom, options.duration())) {
            LoadRun.Result load = new LoadRun(options, new RoundRobin(clients.subList(0, count)), ledger).run();
            killer.awaitDone();
            return new Phase(number, count, load, cpuAtEnd.get() - cpuAtStart.get(), killer.kills(),
                    killer.failures());
        }
    }

    private static double perSecond(LoadRun.Result load) {
        return load.of(LoadRun.Operation.TRANSFER).count() / load.seconds();
    }

    /** Each phase's read-model figures, read after the audit, which waited for the read model to catch up. */
    private static List<ReadModelFigures.Result> readModels(List<Phase> phases, Postgres postgres) throws Exception {
        List<ReadModelFigures.Result> readModels = new ArrayList<>();
        try (Connection db = postgres.connect()) {
            for (Phase phase : phases) {
                readModels.add(ReadModelFigures.measure(db, phase.load().measuredFrom(), phase.load().measuredTo()));
            }
        }
        return readModels;
    }

    /**
     * Each phase's figures (with its read model's, in the same order), the last phase's against the first's, and the
     * client's retries over all of them.
     */
    static Map<String, Object> figures(List<Phase> phases, List<ReadModelFigures.Result> readModels,
                                       Baseline.Result baseline, Drain.Result drain) {
        List<Map<String, Object>> byPhase = new ArrayList<>();
        for (int i = 0; i < phases.size(); i++) {
            byPhase.add(phaseFigures(phases.get(i), readModels.get(i)));
        }
        Map<String, Object> one = byPhase.getFirst();
        Map<String, Object> all = byPhase.getLast();
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("transferRequestsPerSecond", ratio(all.get("transferRequestsPerSecond"),
                one.get("transferRequestsPerSecond")));
        ratio.put("completedTransfersVisiblePerSecond", ratio(all.get("completedTransfersVisiblePerSecond"),
                one.get("completedTransfersVisiblePerSecond")));
        ratio.put("transferLatencyP50Ms", ratio(latency(all, "p50"), latency(one, "p50")));
        ratio.put("transferLatencyP99Ms", ratio(latency(all, "p99"), latency(one, "p99")));

        long requests = 0;
        Map<String, Long> retriesByCause = new TreeMap<>();
        for (Phase phase : phases) {
            requests += phase.load().requests();
            phase.load().resendsByCause().forEach((cause, count) -> retriesByCause.merge(cause, count, Long::sum));
        }
        long retries = retriesByCause.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("phases", byPhase);
        figures.put("nodesToOneNodeRatio", ratio);
        figures.put("requests", requests);
        figures.put("clientRetries", retries);
        figures.put("clientRetriesPercentOfRequests", percent(retries, requests));
        figures.put("clientRetriesByCause", retriesByCause);
        figures.put("drainSeconds", Report.round(drain.seconds()));
        figures.put("baseline", Report.baseline(baseline, ((Number) all.get("completedTransfersVisiblePerSecond"))
                .doubleValue()));
        return figures;
    }

    private static Map<String, Object> phaseFigures(Phase phase, ReadModelFigures.Result readModel) {
        LoadRun.Result load = phase.load();
        double seconds = load.seconds();
        Latencies transfers = load.of(LoadRun.Operation.TRANSFER);
        long retries = load.measuredResends();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("phase", phase.number());
        figures.put("nodes", phase.nodes());
        figures.put("kills", phase.kills().size());
        figures.put("measuredSeconds", seconds);
        figures.put("requests", load.requests());
        figures.put("transferRequestsPerSecond", Report.round(transfers.count() / seconds));
        figures.put("completedTransfersVisiblePerSecond", Report.round(readModel.completedVisiblePerSecond()));
        figures.put("transferLatencyMs", Report.latency(transfers));
        figures.put("projectionLagMs", Map.of("p50", Report.round(readModel.lagP50Ms()),
                "p99", Report.round(readModel.lagP99Ms()), "max", Report.round(readModel.lagMaxMs())));
        figures.put("statusCounts", load.statusCounts());
        figures.put("clientRetries", retries);
        figures.put("clientRetriesPercentOfRequests", percent(retries, load.requests()));
        figures.put("clientRetriesByCause", load.resendsByCause());
        figures.put("unanswered", load.unanswered());
        figures.put("appCpuCoresUsed", Report.round(phase.cpuSeconds() / seconds));
        return figures;
    }

    private static double latency(Map<String, Object> phase, String percentile) {
        return ((Number) ((Map<?, ?>) phase.get("transferLatencyMs")).get(percentile)).doubleValue();
    }

    private static double ratio(Object value, Object reference) {
        double base = ((Number) reference).doubleValue();
        return base <= 0 ? 0 : Report.round(((Number) value).doubleValue() / base);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Report.round(100.0 * part / whole);
    }

    /** The second phase's kills, as the report's chaos section shows them. */
    static Map<String, Object> kills(Phase phase) {
        Map<String, Object> kills = new LinkedHashMap<>();
        kills.put(KILL_COUNT, phase.kills().size());
        kills.put("kills", phase.kills());
        kills.put("failed kill steps", phase.failures().size());
        return kills;
    }

    private static Map<String, Object> settings(BenchOptions options, Provider provider, MongoWireProcess mongo,
                                                String authentication) {
        Map<String, Object> settings = BenchMain.settings(options, provider, authentication);
        settings.put("nodes", options.nodes());
        settings.put("kills", options.kills());
        settings.put("phases", ("phase 1 on node 1 alone (the others not started yet), phase 2 on %d node(s); each its "
                + "own %d s warm-up and %d s measured window, the same workers, wallets and seed; phase 2 runs on the "
                + "event store phase 1 grew, and its kills fall in its measured window").formatted(options.nodes(),
                options.warmup().toSeconds(), options.duration().toSeconds()));
        settings.put("nodesShare", "one PostgreSQL; one MongoDB-wire server (mongo-java-server, in memory, its own JVM "
                + MongoWireProcess.JVM_HEAP + ") for the audit views, used by both phases; the token issuer's name "
                + ISSUER + " and its signing keys; the M-Pesa simulator");
        settings.put("loadBalancing", (options.routeByWallet()
                ? "by source wallet (--route-by-wallet): each transfer, a resend too, goes to the node its source "
                + "wallet maps to"
                : "round robin over the nodes' base URLs: each request, a resend too, goes to the next node")
                + "; a node that did not answer is left out for " + RoundRobin.FAIL_TIMEOUT.toSeconds() + " s "
                + "(passive health checks); a resend (no answer, 409 CONCURRENT_MODIFICATION, 503 or another 5xx) "
                + "keeps the idempotency key, and after a round of every node the client backs off 50 ms, doubling "
                + "to 1 s");
        settings.put("nodeArguments", clusterArguments(mongo));
        return settings;
    }
}
