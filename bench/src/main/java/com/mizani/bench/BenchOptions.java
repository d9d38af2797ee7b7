package com.mizani.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one benchmark run does. Parsed from {@code <scenario> [--name value]...}; every option has a default.
 *
 * @param scenario     transfers, hot-wallet, mixed, withdrawals, callbacks, chaos, replay, read-your-writes,
 *                     cluster, fx, payroll or webhooks
 * @param duration     measured load time, after the warm-up
 * @param warmup       load time before measuring (excluded from every figure)
 * @param concurrency  client workers, each sending one request at a time (closed loop); in read-your-writes the
 *                     workers of the background transfer load, 0 (its default) for none
 * @param wallets      funded wallets the load moves money between, pays out of and credits
 * @param kills        chaos and cluster only: how many times the app (in the cluster, one of its nodes) is killed
 *                     with SIGKILL and restarted; the cluster may have none
 * @param seed         random seed, so a run can be repeated
 * @param appJar       the packaged application
 * @param workDir      scratch space (database, app data); emptied at the start of a run
 * @param reportDir    where the JSON and markdown reports go
 * @param profile      record a JFR profile of the app into the work directory
 * @param baseline     run the pgbench baseline
 * @param appHeap      the app's heap (-Xms and -Xmx), e.g. 1g
 * @param compareAuth  transfers only: run the load twice, against the app with authentication off and then on, and
 *                     report what authentication costs
 * @param iterations   read-your-writes only: measured iterations of each kind of write
 * @param replay       what the replay scenario seeds, replays and reads; ignored by the others
 * @param nodes        cluster only: app nodes of its second phase (its first has one); 1 in the others
 * @param batchSize    transfers, hot-wallet and mixed only: transfers per request; 1 sends each with
 *                     {@code POST /transfers}, 2 to {@link #MAX_BATCH_SIZE} sends them in batches of that many with
 *                     {@code POST /transfers/batch}
 * @param routeByWallet cluster only: send each transfer to the node its source wallet maps to, as a router at the
 *                     edge would, instead of the next node in turn
 * @param items        payroll only: the items of its one job, each paid to one of {@code wallets} payees
 * @param payTo        payroll only: {@link #PAY_TO_WALLETS} (items to Mizani wallets) or {@link #PAY_TO_MPESA} (items
 *                     to phones, paid by M-Pesa B2C payouts through the simulator with its faults on)
 * @param outage       webhooks only: how long the receiver is down in the third phase
 */
record BenchOptions(String scenario, Duration duration, Duration warmup, int concurrency, int wallets, int kills,
                    long seed, Path appJar, Path workDir, Path reportDir, boolean profile, boolean baseline,
                    String appHeap, boolean compareAuth, int iterations, Replay replay, int nodes, int batchSize,
                    boolean routeByWallet, int items, String payTo, Duration outage) {

    static final String READ_YOUR_WRITES = "read-your-writes";
    static final String CLUSTER = "cluster";
    static final String FX = "fx";
    static final String PAYROLL = "payroll";
    static final String WEBHOOKS = "webhooks";
    static final String PAY_TO_WALLETS = "wallets";
    static final String PAY_TO_MPESA = "mpesa";
    static final String DEFAULT_HEAP = "1g";
    static final String MPESA_PAYROLL_HEAP = "3g";
    static final List<String> SCENARIOS = List.of("transfers", "hot-wallet", "mixed", "withdrawals", "callbacks", "chaos",
            "replay", READ_YOUR_WRITES, CLUSTER, FX, PAYROLL, WEBHOOKS);
    /** The most items the app takes in one payroll job by default ({@code mizani.payroll.max-items}). */
    static final int MAX_PAYROLL_ITEMS = 100_000;
    /** As many app nodes as this box (and a one-machine benchmark) can tell anything from. */
    static final int MAX_NODES = 3;
    /** The most items the app takes in one batch by default ({@code mizani.api.max-batch-items}). */
    static final int MAX_BATCH_SIZE = 1000;
    /** The scenarios whose transfers may go in batches: those whose load is transfers, or transfers and reads. */
    static final List<String> BATCH_SCENARIOS = List.of("transfers", "hot-wallet", "mixed");

    /**
     * The replay scenario's own settings.
     *
     * @param events          at least this many events in the store before the replay (seeded through the API)
     * @param hotEntries      at least this many ledger entries on the one hot wallet
     * @param reuseData       keep the seeded database here and reuse it on the next run (topped up if smaller than
     *                        asked); null to seed afresh in the work directory
     * @param mode            all (every projection at once), each (one after the other) or both (each, then all)
     * @param reads           measured point-in-time balance reads, sequential and again concurrent
     * @param readConcurrency workers of the concurrent read pass
     * @param auditReads      balances replayed from the hot wallet's events ({@code /audit/wallets/{id}/replay})
     * @param auditViews      false to leave the MongoDB audit views out: the app's MongoDB is made unreachable, so their
     *                        processor stays idle (as in a MongoDB outage), and only the other projections are replayed
     */
    record Replay(long events, int hotEntries, Path reuseData, String mode, int reads, int readConcurrency,
                  int auditReads, boolean auditViews) {

        static final List<String> MODES = List.of("both", "all", "each");

        boolean each() {
            return !mode.equals("all");
        }

        boolean all() {
            return !mode.equals("each");
        }
    }

    boolean payrollToMpesa() {
        return payTo.equals(PAY_TO_MPESA);
    }

    /** The same options with another warm-up and measured time. */
    BenchOptions withWindow(Duration warmupTime, Duration measured) {
        return new BenchOptions(scenario, measured, warmupTime, concurrency, wallets, kills, seed, appJar, workDir,
                reportDir, profile, baseline, appHeap, compareAuth, iterations, replay, nodes, batchSize, routeByWallet,
                items, payTo, outage);
    }

    /** The same options with another measured time. */
    BenchOptions withDuration(Duration measured) {
        return new BenchOptions(scenario, measured, warmup, concurrency, wallets, kills, seed, appJar, workDir, reportDir,
                profile, baseline, appHeap, compareAuth, iterations, replay, nodes, batchSize, routeByWallet, items,
                payTo, outage);
    }

    static BenchOptions parse(String... args) {
        if (args.length == 0 || !SCENARIOS.contains(args[0])) {
            throw new IllegalArgumentException(usage());
        }
        String scenario = args[0];
        boolean payroll = scenario.equals(PAYROLL);
        // Payroll's measured window is its job, however long it takes: its duration is the short load before it.
        Duration duration = payroll ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
        Duration warmup = payroll ? Duration.ofSeconds(5) : Duration.ofSeconds(10);
        Integer concurrency = null;
        Integer items = null;
        String payTo = null;
        int wallets = payroll ? 1_000 : 10_000;
        Integer kills = null;
        Integer nodes = null;
        Integer batchSize = null;
        long seed = System.nanoTime();
        Path appJar = Path.of("app/target/mizani.jar");
        Path workDir = Path.of("bench/work");
        Path reportDir = Path.of("bench/reports");
        boolean profile = false;
        boolean baseline = true;
        String appHeap = null;
        long events = 1_000_000;
        int hotEntries = 100_000;
        Path reuseData = null;
        String mode = "both";
        int reads = 10_000;
        int readConcurrency = 8;
        int auditReads = 20;
        boolean auditViews = true;
        boolean compareAuth = false;
        boolean routeByWallet = false;
        int iterations = 200;
        Duration outage = null;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--profile")) {
                profile = true;
                continue;
            }
            if (name.equals("--no-baseline")) {
                baseline = false;
                continue;
            }
            if (name.equals("--no-audit-views")) {
                auditViews = false;
                continue;
            }
            if (name.equals("--compare-auth")) {
                compareAuth = true;
                continue;
            }
            if (name.equals("--route-by-wallet")) {
                routeByWallet = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + usage());
            }
            String value = args[++i];
            switch (name) {
                case "--duration" -> duration = parseDuration(value);
                case "--warmup" -> warmup = parseDuration(value);
                case "--concurrency" -> concurrency = atLeast(name, value, 0);
                case "--wallets" -> wallets = positive(name, value);
                case "--kills" -> kills = atLeast(name, value, 0);
                case "--nodes" -> nodes = atLeast(name, value, 1);
                case "--batch-size" -> batchSize = batchSize(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--app-jar" -> appJar = Path.of(value);
                case "--work-dir" -> workDir = Path.of(value);
                case "--report-dir" -> reportDir = Path.of(value);
                case "--app-heap" -> appHeap = heap(value);
                case "--events" -> events = positive(name, value);
                case "--hot-entries" -> hotEntries = positive(name, value);
                case "--reuse-data" -> reuseData = Path.of(value);
                case "--replay-mode" -> mode = oneOf(name, value, Replay.MODES);
                case "--reads" -> reads = positive(name, value);
                case "--read-concurrency" -> readConcurrency = positive(name, value);
                case "--audit-reads" -> auditReads = positive(name, value);
                case "--iterations" -> iterations = positive(name, value);
                case "--items" -> items = positive(name, value);
                case "--pay-to" -> payTo = oneOf(name, value, List.of(PAY_TO_WALLETS, PAY_TO_MPESA));
                case "--outage" -> outage = parseDuration(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + usage());
            }
        }
        // The read-your-writes probe is one sequential client: a background load is the exception, asked for.
        boolean readYourWrites = scenario.equals(READ_YOUR_WRITES);
        if (concurrency == null) {
            concurrency = readYourWrites ? 0 : payroll ? 8 : 64;
        }
        if (concurrency < 1 && !readYourWrites) {
            throw new IllegalArgumentException("--concurrency must be at least 1");
        }
        // The cluster kills one node in its measured window by default; chaos kills the app five times in its run.
        boolean cluster = scenario.equals(CLUSTER);
        // Payroll kills the app only when asked: its figure without kills is the goal's.
        if (kills == null) {
            kills = cluster ? 1 : payroll ? 0 : 5;
        }
        if (kills < 1 && !cluster && !payroll) {
            throw new IllegalArgumentException("--kills must be at least 1");
        }
        if (routeByWallet && !cluster) {
            throw new IllegalArgumentException("--route-by-wallet is an option of the cluster scenario");
        }
        if (nodes != null && !cluster) {
            throw new IllegalArgumentException("--nodes is an option of the cluster scenario");
        }
        if (nodes == null) {
            nodes = cluster ? 2 : 1;
        }
        if (nodes > MAX_NODES) {
            throw new IllegalArgumentException("--nodes must be at most " + MAX_NODES);
        }
        if (wallets < 2) {
            throw new IllegalArgumentException("--wallets must be at least 2");
        }
        // Two wallets in each currency, so that two transfers can race on one quote from different sources.
        int fxWallets = 2 * FxMarket.CURRENCIES.size();
        if (scenario.equals(FX) && wallets < fxWallets) {
            throw new IllegalArgumentException("--wallets must be at least " + fxWallets + " for fx (2 per currency)");
        }
        if (items != null && !payroll) {
            throw new IllegalArgumentException("--items is an option of the payroll scenario");
        }
        if (items == null) {
            items = 10_000;
        }
        if (payTo != null && !payroll) {
            throw new IllegalArgumentException("--pay-to is an option of the payroll scenario");
        }
        if (payTo == null) {
            payTo = PAY_TO_WALLETS;
        }
        if (outage != null && !scenario.equals(WEBHOOKS)) {
            throw new IllegalArgumentException("--outage is an option of the webhooks scenario");
        }
        if (outage == null) {
            outage = Duration.ofSeconds(60);
        }
        if (appHeap == null) {
            // The in-process MongoDB-wire server keeps the audit views in the app's heap, and 10,000 payouts with
            // their interactive load fill 1 GB of it (docs/benchmarks.md, payroll to phones).
            appHeap = payTo.equals(PAY_TO_MPESA) ? MPESA_PAYROLL_HEAP : DEFAULT_HEAP;
        }
        if (items > MAX_PAYROLL_ITEMS) {
            throw new IllegalArgumentException("--items must be at most " + MAX_PAYROLL_ITEMS
                    + " (the app's mizani.payroll.max-items)");
        }
        if (compareAuth && !scenario.equals("transfers")) {
            throw new IllegalArgumentException("--compare-auth is an option of the transfers scenario");
        }
        if (batchSize != null && !BATCH_SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("--batch-size is an option of the " + String.join(", ", BATCH_SCENARIOS)
                    + " scenarios");
        }
        // The comparison's figures are those of single transfers; batches would need a comparison of their own.
        if (batchSize != null && compareAuth) {
            throw new IllegalArgumentException("--batch-size and --compare-auth do not go together");
        }
        if (reuseData != null && reuseData.toAbsolutePath().normalize().startsWith(workDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--reuse-data must be outside --work-dir, which is emptied at the start of every run");
        }
        // pgbench's baseline is a throughput figure, and the probe measures none (its background load is a setting).
        if (readYourWrites) {
            baseline = false;
        }
        return new BenchOptions(scenario, duration, warmup, concurrency, wallets, kills, seed, appJar, workDir,
                reportDir, profile, baseline, appHeap, compareAuth, iterations,
                new Replay(events, hotEntries, reuseData, mode, reads, readConcurrency, auditReads,
                        auditViews), nodes, batchSize == null ? 1 : batchSize, routeByWallet, items,
                payTo, outage);
    }

    /** "60s", "2m", "500ms" or plain seconds. */
    static Duration parseDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(text));
    }

    private static int positive(String name, String value) {
        return atLeast(name, value, 1);
    }

    private static int atLeast(String name, String value, int least) {
        int number = Integer.parseInt(value);
        if (number < least) {
            throw new IllegalArgumentException(name + " must be at least " + least);
        }
        return number;
    }

    /** A batch's size: 2 and more, since one transfer a request is the default's, up to what the app takes. */
    private static int batchSize(String value) {
        int size = Integer.parseInt(value);
        if (size < 2 || size > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("--batch-size must be 2 to " + MAX_BATCH_SIZE
                    + " (without it each transfer is a request of its own)\n" + usage());
        }
        return size;
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A JVM heap size as -Xmx takes it: digits and a unit, m or g. */
    private static String heap(String value) {
        if (!value.matches("\\d+[mMgG]")) {
            throw new IllegalArgumentException("--app-heap takes a size such as 1g or 3072m");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    static String usage() {
        return """
                usage: bench/run.sh <scenario> [options]
                scenarios:
                  transfers           transfers between random funded wallets
                  hot-wallet          transfers all paid by one wallet
                  mixed               transfers and balance/entry reads, 4:1
                  withdrawals         M-Pesa payouts of 1 KES through the simulator, then a drain until all settle
                  callbacks           signed M-Pesa C2B confirmations, 20% exact repeats
                  chaos               mixed plus payouts, with SIGKILLs, a database restart and provider faults
                  replay              seeds >= --events events and a hot wallet with >= --hot-entries entries, rebuilds
                                      every projection (events/s), then point-in-time balance reads on the hot wallet
                  read-your-writes    one sequential client: each write (wallet opening, cash deposit, transfer)
                                      followed at once by one GET of what it changed; counts the GETs that do not
                                      show the write yet (stale), and their latency against a GET of an unchanged
                                      resource
                  cluster             transfers on one app node, then on --nodes nodes sharing the database and one
                                      MongoDB-wire server, requests round-robin, one node SIGKILLed and restarted
                                      during the second phase; both phases' figures and their ratio
                  fx                  cross-currency transfers: wallets in KES, USD, UGX and KWD; each iteration a
                                      quote (POST /fx/quotes, 80% by fromAmount) and a transfer on it; 2% try the
                                      used quote again (must be 409 QUOTE_USED), 1% race two transfers on one quote;
                                      quotes/s, transfers/s and both together, each with its latency; FX audit
                  payroll             one payroll job of --items items from one funded source to --wallets payees
                                      (or, with --pay-to mpesa, to phones), created by the harness and approved by
                                      a second client (four eyes);
                                      time to completion, items/s and progress each second, while --concurrency
                                      workers send single transfers among other wallets (their latency alone for
                                      --duration first, then during the job); payroll audit
                  webhooks            transfers three times: with no webhook endpoint, with one endpoint of every
                                      public event at a receiver in the harness (delivery lag, whether deliveries
                                      keep up, what they cost), then with that receiver down for --outage while the
                                      load goes on (the catch-up once it is back); every event delivered, in each
                                      wallet's order
                options:
                  --duration 60s      measured time (after warm-up)
                  --warmup 10s        warm-up, excluded from the figures
                  --concurrency 64    closed-loop client workers (read-your-writes: 0, see below)
                  --wallets 10000     funded wallets (read-your-writes: only with a background load)
                  --kills 5           chaos: SIGKILLs of the app during the run (cluster: 1, see below)
                  --seed N            random seed (default: time)
                  --profile           record a JFR profile of the app
                  --no-baseline       skip the pgbench baseline (read-your-writes never runs it)
                  --app-heap 1g       the app's heap (-Xms and -Xmx); 3g for payroll --pay-to mpesa
                transfers only:
                  --compare-auth      the same load twice on the same wallets, with authentication and rate limits
                                      off and then on (the app restarted before each); reports what they cost
                transfers, hot-wallet and mixed only:
                  --batch-size N      each worker sends its transfers N at a time (2 to 1000) in one
                                      POST /transfers/batch, each item with its own idempotency key, instead of one
                                      POST /transfers each; a batch is sent again under the same keys until every
                                      item has a final answer (no answer, 5xx, 429 after Retry-After, items 202);
                                      the report counts transfers per item and latency per batch request
                read-your-writes only:
                  --iterations 200    measured iterations of each kind of write, after the --warmup
                  --concurrency 0     workers of a background closed-loop transfer load among --wallets other
                                      funded wallets during the probe; 0 for an idle app
                payroll only (its defaults: --duration 10s of load alone, --warmup 5s, --concurrency 8,
                              --wallets 1000 payees, --kills 0):
                  --items 10000       items of the job (at most 100000)
                  --pay-to wallets    wallets: each item a transfer to one of --wallets payees; mpesa: each item
                                      an M-Pesa payout to a phone through the simulator, its faults on (failures
                                      with result 2001, duplicate and lost callbacks, timeouts, server errors)
                  --kills N           SIGKILLs of the app while the job runs, each at an equal share of its items,
                                      restarted at once on the same data
                webhooks only:
                  --outage 60s        how long the receiver is down in the third phase
                cluster only:
                  --nodes 2           app nodes of the second phase, 1 to 3 (the first phase has one)
                  --kills 1           SIGKILLs of a random node in the second phase's measured window, each
                                      restarted at once; 0 for none
                  --route-by-wallet   each transfer to the node its source wallet maps to (routing at the edge),
                                      instead of the next node in turn
                replay only:
                  --events 1000000    events the store must hold before the replay
                  --hot-entries 100000  ledger entries of the hot wallet
                  --reuse-data DIR    keep the seeded database in DIR and reuse it next time (topped up if smaller)
                  --replay-mode both  each (one projection after the other), all (all at once) or both
                  --reads 10000       point-in-time balance reads measured, sequential and again concurrent
                  --read-concurrency 8  workers of the concurrent read pass
                  --audit-reads 20    balances replayed from the hot wallet's events, compared with the read model
                  --no-audit-views    leave the MongoDB audit views out (their MongoDB unreachable, not replayed)
                  --app-jar, --work-dir, --report-dir   paths (defaults: app/target/mizani.jar, bench/work, bench/reports)""";
    }
}
