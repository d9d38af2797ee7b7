package com.mizani.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        wallets.add(openAndFund(client, Ledger.CURRENCY, HOT_WALLET));
        wallets.addAll(openAndFund(client, Ledger.CURRENCY, PER_WALLET, walletCount - 1, concurrency));
        Ledger ledger = new Ledger(wallets);
        ledger.deposited(totalMinor(walletCount));
        return ledger;
    }

    /**
     * The fx scenario's wallets: {@code walletCount} split evenly over {@link FxMarket#CURRENCIES}, each funded with
     * its currency's amount, which the ledger's {@link FxBook} records. The ledger's cash deposited is their sum in
     * minor units of whichever currency, as {@link Audit} sums the wallets.
     */
    static Ledger fundInCurrencies(Client client, int walletCount, int concurrency) throws Exception {
        Map<String, FxBook.Funded> funded = new LinkedHashMap<>();
        int currencies = FxMarket.CURRENCIES.size();
        for (int i = 0; i < currencies; i++) {
            FxMarket.Currency currency = FxMarket.CURRENCIES.get(i);
            // The first currencies take the remainder, so that the wallets add up to the count asked for.
            int count = walletCount / currencies + (i < walletCount % currencies ? 1 : 0);
            for (String wallet : openAndFund(client, currency.code(), currency.decimal(currency.fundingMinor()), count,
                    concurrency)) {
                funded.put(wallet, new FxBook.Funded(currency.code(), currency.fundingMinor()));
            }
        }
        Ledger ledger = new Ledger(List.copyOf(funded.keySet()));
        funded.forEach((wallet, funding) -> {
            ledger.fx().funded(wallet, funding);
            ledger.deposited(funding.minor());
        });
        return ledger;
    }

    /** {@code count} wallets in {@code currency}, each funded with {@code amount}, at most {@code concurrency} at once. */
    private static List<String> openAndFund(Client client, String currency, String amount, int count,
                                            int concurrency) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        List<Future<String>> opened = new ArrayList<>();
        List<String> wallets = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                opened.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        return openAndFund(client, currency, amount);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<String> wallet : opened) {
                wallets.add(wallet.get());
            }
        }
        return wallets;
    }

    /** All the cash {@link #fund} deposits into this many wallets. */
    static long totalMinor(int walletCount) {
        return minor(HOT_WALLET) + (walletCount - 1) * minor(PER_WALLET);
    }

    private static String openAndFund(Client client, String currency, String amount) throws Exception {
        Client.Answer opened = client.post("/api/v1/wallets",
                "{\"ownerId\":\"%s\",\"currency\":\"%s\"}".formatted(UUID.randomUUID(), currency),
                UUID.randomUUID().toString());
        require(opened, 201);
        String walletId = Client.field(opened.body(), "walletId");
        require(client.post("/api/v1/deposits", Client.depositJson(walletId, amount, currency),
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
