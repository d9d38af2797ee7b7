package com.mizani.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the event store through the API, as customers would: transfers of 1 KES between funded wallets until the
 * store holds at least the events asked for, and until the hot wallet has at least the entries asked for. Every event
 * is one the app produced; nothing is written into the event store by the harness.
 * <p>
 * A transfer stores four events (requested, debited, credited, completed) and gives each of its two wallets one entry.
 * Transfers into or out of the hot wallet give it its entries. A wallet executes one command at a time, so these are
 * serialised, and while they are the other workers keep the CPU busy with other transfers. Each worker picks a hot
 * transfer with the probability that makes both targets fall due together: the hot entries still missing divided by
 * the transfers still missing (by events), re-estimated every second from the store.
 */
final class Seeding {

    /** The file in a reused data directory that says what it holds. */
    static final String MANIFEST = "seed.json";
    /** The events of one completed transfer. */
    static final int EVENTS_PER_TRANSFER = 4;

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private static final String WALLET_MOVEMENTS = "('com.mizani.kernel.wallet.WalletCreditedEvent', "
            + "'com.mizani.kernel.wallet.WalletDebitedEvent')";

    /**
     * What a seeded database holds, kept next to it so that a later run can reuse it.
     *
     * @param wallets        the funded wallets, the hot one first
     * @param depositedMinor all the cash deposited into them
     * @param sessions       every seeding run that added to it, oldest first
     */
    record Manifest(String hotWallet, List<String> wallets, long depositedMinor, List<Session> sessions) {

        Manifest with(Session session) {
            List<Session> all = new ArrayList<>(sessions);
            all.add(session);
            return new Manifest(hotWallet, wallets, depositedMinor, List.copyOf(all));
        }

        static Manifest read(Path directory) throws IOException {
            Path file = directory.resolve(MANIFEST);
            return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), Manifest.class) : null;
        }

        void write(Path directory) throws IOException {
            Files.createDirectories(directory);
            JSON.writeValue(directory.resolve(MANIFEST).toFile(), this);
        }
    }

    /**
     * One seeding run.
     *
     * @param fundingSeconds opening and funding the wallets (0 when they were funded earlier)
     * @param seconds        the transfers, until both targets were met in the store
     * @param statusCounts   answers by HTTP status (and "io-error")
     */
    record Session(Instant at, double fundingSeconds, double seconds, long transfers, long hotTransfers,
                   long eventsBefore, long eventsAfter, long hotEntriesBefore, long hotEntriesAfter,
                   Map<String, Long> statusCounts) {

        double transfersPerSecond() {
            return seconds == 0 ? 0 : transfers / seconds;
        }

        double eventsPerSecond() {
            return seconds == 0 ? 0 : (eventsAfter - eventsBefore) / seconds;
        }
    }

    /** Where the store stands: its events and the hot wallet's entries (money-moving events). */
    record Counts(long events, long hotEntries) {
    }

    private final Client client;
    private final Postgres postgres;
    private final Ledger ledger;
    private final String hotWallet;
    private final List<String> others;
    private final long targetEvents;
    private final long targetHotEntries;
    private final Map<String, AtomicLong> statusCounts = new ConcurrentHashMap<>();
    private final AtomicLong transfers = new AtomicLong();
    private final AtomicLong hotTransfers = new AtomicLong();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile double hotShare;

    Seeding(Client client, Postgres postgres, Ledger ledger, long targetEvents, long targetHotEntries) {
        this.client = client;
        this.postgres = postgres;
        this.ledger = ledger;
        this.hotWallet = ledger.wallets().getFirst();
        this.others = ledger.wallets().subList(1, ledger.wallets().size());
        this.targetEvents = targetEvents;
        this.targetHotEntries = targetHotEntries;
    }

    /** Sends transfers with {@code concurrency} workers until the store holds both targets; at once if it does. */
    Session run(int concurrency, long seed, double fundingSeconds) throws Exception {
        Instant at = Instant.now();
        Counts before;
        try (Connection db = postgres.connect()) {
            before = exactCounts(db, hotWallet);
        }
        BenchMain.log("the store holds %,d events, the hot wallet %,d entries; asked for %,d and %,d", before.events(),
                before.hotEntries(), targetEvents, targetHotEntries);
        long started = System.nanoTime();
        Counts after = before;
        boolean exact = false;
        while (after.events() < targetEvents || after.hotEntries() < targetHotEntries) {
            done.set(false);
            hotShare = hotShare(after);
            List<Future<?>> workers = new ArrayList<>();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int worker = 0; worker < concurrency; worker++) {
                    Random random = new Random(seed * 31 + worker + transfers.get());
                    workers.add(pool.submit(() -> {
                        work(random);
                        return null;
                    }));
                }
                watch(started, exact);
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
            // The estimate from the highest position counts gaps too; the exact count decides, and watches any round after.
            try (Connection db = postgres.connect()) {
                after = exactCounts(db, hotWallet);
            }
            exact = true;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Long> counts = new TreeMap<>();
        statusCounts.forEach((status, count) -> counts.put(status, count.get()));
        Session session = new Session(at, fundingSeconds, seconds, transfers.get(), hotTransfers.get(), before.events(),
                after.events(), before.hotEntries(), after.hotEntries(), counts);
        if (session.transfers() > 0) {
            BenchMain.log("seeded in %.1f s: %,d transfers (%,d with the hot wallet), %.0f transfers/s, %.0f events/s; "
                            + "the store holds %,d events, the hot wallet %,d entries; answers %s", seconds,
                    session.transfers(), session.hotTransfers(), session.transfersPerSecond(), session.eventsPerSecond(),
                    after.events(), after.hotEntries(), counts);
        }
        return session;
    }

    /**
     * Every second: re-estimates the hot share, stops the workers once both targets are met, logs every ten.
     *
     * @param exact count exactly rather than estimate from the highest position (for the few last transfers)
     */
    private void watch(long started, boolean exact) throws Exception {
        long nextLog = 0;
        try (Connection db = postgres.connect()) {
            while (true) {
                Counts now = exact ? exactCounts(db, hotWallet) : estimatedCounts(db, hotWallet);
                if (now.events() >= targetEvents && now.hotEntries() >= targetHotEntries) {
                    return;
                }
                hotShare = hotShare(now);
                long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
                if (elapsed >= nextLog) {
                    BenchMain.log("seeding (%d s): ~%,d of %,d events, %,d of %,d hot entries, %,d transfers sent, "
                                    + "hot share %.2f", elapsed, now.events(), targetEvents, now.hotEntries(),
                            targetHotEntries, transfers.get(), hotShare);
                    nextLog = elapsed + 10;
                }
                Thread.sleep(1000);
            }
        } finally {
            done.set(true);
        }
    }

    /** The share of transfers that must involve the hot wallet for both targets to be met by the same transfer. */
    double hotShare(Counts now) {
        return hotShare(targetEvents - now.events(), targetHotEntries - now.hotEntries());
    }

    static double hotShare(long eventsMissing, long hotEntriesMissing) {
        if (hotEntriesMissing <= 0) {
            return 0;
        }
        long transfersMissing = Math.max(hotEntriesMissing, Math.ceilDiv(Math.max(0, eventsMissing), EVENTS_PER_TRANSFER));
        return (double) hotEntriesMissing / transfersMissing;
    }

    private void work(Random random) throws InterruptedException {
        while (!done.get()) {
            boolean hot = random.nextDouble() < hotShare;
            String source;
            String destination;
            if (hot) {
                // Both ways, so that the hot wallet's balance goes up and down over its history.
                String other = others.get(random.nextInt(others.size()));
                boolean out = random.nextBoolean();
                source = out ? hotWallet : other;
                destination = out ? other : hotWallet;
            } else {
                source = others.get(random.nextInt(others.size()));
                do {
                    destination = others.get(random.nextInt(others.size()));
                } while (destination.equals(source));
            }
            String key = UUID.randomUUID().toString();
            String status;
            try {
                Client.Answer answer = client.post("/api/v1/transfers",
                        Client.transferJson(source, destination, LoadRun.TRANSFER_AMOUNT, Ledger.CURRENCY), key);
                status = Integer.toString(answer.status());
                ledger.acknowledgeTransfer(key, answer);
            } catch (java.io.IOException noAnswer) {
                status = "io-error";
                Thread.sleep(100);
            }
            transfers.incrementAndGet();
            if (hot) {
                hotTransfers.incrementAndGet();
            }
            statusCounts.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
    }

    /**
     * Cheap, for every second: the highest position (over-counts by the gaps of rolled-back appends) and the hot
     * wallet's highest sequence number (its first event opens it; every later one moves money).
     */
    static Counts estimatedCounts(Connection db, String hotWallet) throws Exception {
        long events = Audit.single(db, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
        try (PreparedStatement query = db.prepareStatement(
                "SELECT COALESCE(MAX(sequence_number), 0) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            query.setString(1, hotWallet);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Counts(events, rows.getLong(1));
            }
        }
    }

    /** Exact: every stored event, and every money-moving event of the hot wallet. */
    static Counts exactCounts(Connection db, String hotWallet) throws Exception {
        long events = Audit.single(db, "SELECT COUNT(*) FROM domain_event_entry");
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type IN " + WALLET_MOVEMENTS)) {
            query.setString(1, hotWallet);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return new Counts(events, rows.getLong(1));
            }
        }
    }
}
