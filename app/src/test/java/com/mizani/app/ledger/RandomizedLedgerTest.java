package com.mizani.app.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.app.support.Api;
import com.mizani.app.support.Api.Response;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of random deposits, transfers (many refused: too large, frozen, other currency) and status changes,
 * sent concurrently. Afterwards money is conserved per currency, no wallet is negative, every wallet's balance
 * equals the sum of its postings, and the read model agrees with the aggregates.
 */
class RandomizedLedgerTest extends IntegrationTest {

    private static final int OPERATIONS = 3000;
    private static final int CLIENTS = 16;

    private static final Set<Integer> EXPECTED_STATUSES = Set.of(200, 201, 422);

    @Autowired
    JdbcTemplate jdbc;

    private record Wallet(String id, String currency) {
    }

    private record SentTransfer(String key, String json) {
    }

    @Test
    void randomConcurrentTrafficKeepsEveryInvariant() throws Exception {
        long seed = System.nanoTime();
        List<Wallet> wallets = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String currency = i % 3 == 0 ? "UGX" : "KES";
            wallets.add(new Wallet(api.openWallet(currency), currency));
        }
        Map<String, AtomicLong> depositedMinor = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        List<SentTransfer> sentTransfers = new CopyOnWriteArrayList<>();

        List<Future<?>> clients = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CLIENTS)) {
            for (int client = 0; client < CLIENTS; client++) {
                Random random = new Random(seed + client);
                clients.add(pool.submit(() -> {
                    for (int op = 0; op < OPERATIONS / CLIENTS; op++) {
                        Response response = randomOperation(random, wallets, depositedMinor, sentTransfers);
                        if (!EXPECTED_STATUSES.contains(response.status())) {
                            unexpected.add(response.status() + " " + response.body());
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        assertThat(unexpected).as("unexpected answers (seed %d)", seed).isEmpty();

        // Unfreezing answers with the aggregate's own state: the truth the read model must reach.
        Map<String, JsonNode> truth = new ConcurrentHashMap<>();
        for (Wallet wallet : wallets) {
            truth.put(wallet.id(), api.post("/api/v1/wallets/" + wallet.id() + "/unfreeze", "").json());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (Wallet wallet : wallets) {
                JsonNode projected = api.wallet(wallet.id());
                JsonNode aggregate = truth.get(wallet.id());
                assertThat(projected.path("version").asLong()).isEqualTo(aggregate.path("version").asLong());
                assertThat(projected.path("available").asText()).isEqualTo(aggregate.path("available").asText());
            }
        });

        for (String currency : List.of("KES", "UGX")) {
            long walletTotal = 0;
            for (Wallet wallet : wallets) {
                if (wallet.currency().equals(currency)) {
                    long balance = minor(api.wallet(wallet.id()).path("total").asText(), currency);
                    assertThat(balance).as("wallet %s (seed %d)", wallet.id(), seed).isNotNegative();
                    assertThat(sumOfPostings(wallet)).as("postings of %s (seed %d)", wallet.id(), seed).isEqualTo(balance);
                    walletTotal += balance;
                }
            }
            assertThat(walletTotal).as("money in %s wallets equals money deposited (seed %d)", currency, seed)
                    .isEqualTo(depositedMinor.getOrDefault(currency, new AtomicLong()).get());
        }
        JsonNode verification = api.get("/api/v1/ledger/verify").json();
        assertThat(verification.path("balanced").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("negativeWallets").asLong()).isZero();
        assertThat(verification.path("walletsNotMatchingEntries").asLong()).isZero();
        // Concurrent commits leave gaps in the event stream that late events fill; each entry still carries its own
        // event's position (not the token's), so a rebuilt ledger is identical to the live one.
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM ledger_entry l JOIN domain_event_entry e ON e.event_identifier = l.event_id
                WHERE l.event_position <> e.global_index""", Long.class)).isZero();
    }

    private Response randomOperation(Random random, List<Wallet> wallets, Map<String, AtomicLong> depositedMinor,
                                     List<SentTransfer> sentTransfers) {
        Wallet wallet = wallets.get(random.nextInt(wallets.size()));
        int dice = random.nextInt(100);
        if (dice < 30) {
            long units = 1 + random.nextInt(1000);
            Response deposit = api.deposit(wallet.id(), Long.toString(units), wallet.currency());
            if (deposit.status() == 201) {
                depositedMinor.computeIfAbsent(wallet.currency(), c -> new AtomicLong())
                        .addAndGet(minor(Long.toString(units), wallet.currency()));
            }
            return deposit;
        }
        if (dice < 33) {
            String action = random.nextBoolean() ? "freeze" : "unfreeze";
            return api.post("/api/v1/wallets/" + wallet.id() + "/" + action, "");
        }
        if (dice < 38 && !sentTransfers.isEmpty()) {
            // A client retrying an earlier transfer with the same key and payload: it must not move money again.
            SentTransfer earlier = sentTransfers.get(random.nextInt(sentTransfers.size()));
            return api.post("/api/v1/transfers", earlier.json(), "Idempotency-Key", earlier.key());
        }
        Wallet destination = wallets.get(random.nextInt(wallets.size()));
        if (destination.equals(wallet)) {
            return new Response(200, null, null, "");
        }
        String amount = (1 + random.nextInt(800)) + (wallet.currency().equals("KES") ? "." + (10 + random.nextInt(90)) : "");
        SentTransfer transfer = new SentTransfer(UUID.randomUUID().toString(),
                Api.transferJson(wallet.id(), destination.id(), amount, wallet.currency()));
        sentTransfers.add(transfer);
        return api.post("/api/v1/transfers", transfer.json(), "Idempotency-Key", transfer.key());
    }

    private long sumOfPostings(Wallet wallet) {
        long sum = 0;
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/wallets/" + wallet.id() + "/entries?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            for (JsonNode entry : page.path("items")) {
                long amount = minor(entry.path("amount").asText(), wallet.currency());
                sum += entry.path("direction").asText().equals("CREDIT") ? amount : -amount;
                assertThat(minor(entry.path("balanceAfter").asText(), wallet.currency())).isEqualTo(sum);
            }
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        return sum;
    }

    private static long minor(String decimal, String currency) {
        return new BigDecimal(decimal).movePointRight(currency.equals("UGX") ? 0 : 2).longValueExact();
    }
}
