package com.mizani.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Opens and funds the wallets before the load starts; not part of any figure. */
final class Funding {

    static final String PER_WALLET = "1000000.00";
    /** The first wallet pays every transfer of the hot-wallet scenario, so it gets far more. */
    static final String HOT_WALLET = "1000000000.00";

    private Funding() {
    }

    static Ledger fund(Client client, int walletCount, int concurrency) throws Exception {
        List<String> wallets = new ArrayList<>();
        wallets.add(openAndFund(client, HOT_WALLET));
        Semaphore inFlight = new Semaphore(concurrency);
        List<Future<String>> others = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 1; i < walletCount; i++) {
                others.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        return openAndFund(client, PER_WALLET);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<String> wallet : others) {
                wallets.add(wallet.get());
            }
        }
        Ledger ledger = new Ledger(wallets);
        ledger.deposited(totalMinor(walletCount));
        return ledger;
    }

    /** All the cash {@link #fund} deposits into this many wallets. */
    static long totalMinor(int walletCount) {
        return minor(HOT_WALLET) + (walletCount - 1) * minor(PER_WALLET);
    }

    private static String openAndFund(Client client, String amount) throws Exception {
        Client.Answer opened = client.post("/api/v1/wallets",
                "{\"ownerId\":\"%s\",\"currency\":\"%s\"}".formatted(UUID.randomUUID(), Ledger.CURRENCY),
                UUID.randomUUID().toString());
        require(opened, 201);
        String walletId = Client.field(opened.body(), "walletId");
        require(client.post("/api/v1/deposits", Client.depositJson(walletId, amount, Ledger.CURRENCY),
                UUID.randomUUID().toString()), 201);
        return walletId;
    }

    static long minor(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static void require(Client.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("funding failed: " + answer.status() + " " + answer.body());
        }
    }
}
