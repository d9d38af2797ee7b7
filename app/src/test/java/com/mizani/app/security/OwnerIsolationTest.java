package com.mizani.app.security;

import com.mizani.app.support.Api;
import com.mizani.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Customers bound to different owners, all at once: each reads and moves only its own money, sees another's wallet,
 * transfer and payment as if it did not exist, and may still pay into another owner's wallet.
 */
class OwnerIsolationTest extends IntegrationTest {

    private static final int CUSTOMERS = 4;
    private static final int ROUNDS = 15;

    private record Customer(String ownerId, Api api, String wallet, String transferId) {
    }

    @Test
    void concurrentCustomersReachOnlyTheirOwnAndPayOthersOnlyFromTheirOwn() throws Exception {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            String owner = UUID.randomUUID().toString();
            Api customer = api.asClient("isolation-" + i, List.of("customer"), owner);
            Api.Response opened = customer.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}".formatted(owner));
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
            String wallet = opened.text("walletId");
            // A transfer straight after the POST answered: whose the wallet is comes from the event store, not from
            // a projection that may not have it yet.
            assertThat(api.deposit(wallet, "100.00", "KES").status()).isEqualTo(201);
            String second = customer.post("/api/v1/wallets", "{\"ownerId\":\"%s\",\"currency\":\"KES\"}".formatted(owner))
                    .text("walletId");
            String transfer = customer.transfer(UUID.randomUUID().toString(), wallet, second, "1.00", "KES").text("transferId");
            customers.add(new Customer(owner, customer, wallet, transfer));
        }
        for (Customer customer : customers) {
            await().until(() -> api.get("/api/v1/transfers/" + customer.transferId()).status() == 200);
            await().until(() -> "99.00".equals(api.wallet(customer.wallet()).path("available").asText()));
        }

        ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
        Map<String, Integer> paidOut = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS * 2)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                Customer me = customers.get(i);
                Customer them = customers.get((i + 1) % CUSTOMERS);
                work.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        expect(leaks, me.api().get("/api/v1/wallets/" + me.wallet()), 200, null, "own wallet");
                        expect(leaks, me.api().get("/api/v1/wallets/" + them.wallet()), 404, "WALLET_NOT_FOUND", "other's wallet");
                        expect(leaks, me.api().get("/api/v1/wallets/" + them.wallet() + "/entries"), 404, "WALLET_NOT_FOUND", "other's entries");
                        expect(leaks, me.api().get("/api/v1/transfers/" + them.transferId()), 404, "TRANSFER_NOT_FOUND", "other's transfer");
                        expect(leaks, me.api().get("/api/v1/transactions/" + them.transferId()), 404, "TRANSACTION_NOT_FOUND", "other's transaction");
                        // Taking from another's wallet is refused as if it did not exist.
                        expect(leaks, me.api().transfer(UUID.randomUUID().toString(), them.wallet(), me.wallet(), "1.00", "KES"),
                                404, "WALLET_NOT_FOUND", "transfer from other's wallet");
                        // Paying into another's wallet from one's own is allowed.
                        Api.Response paid = me.api().transfer(UUID.randomUUID().toString(), me.wallet(), them.wallet(), "0.01", "KES");
                        if (paid.status() == 201) {
                            paidOut.merge(me.ownerId(), 1, Integer::sum);
                        } else {
                            leaks.add("own transfer to another answered " + paid.status() + " " + paid.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        }

        assertThat(leaks).isEmpty();
        // Every wallet holds exactly what it was given, less what it paid, plus what it was paid: nothing else moved.
        for (int i = 0; i < CUSTOMERS; i++) {
            Customer me = customers.get(i);
            Customer payer = customers.get((i + CUSTOMERS - 1) % CUSTOMERS);
            long expectedCents = 10_000 - 100 - paidOut.get(me.ownerId()) + paidOut.get(payer.ownerId());
            String expected = "%d.%02d".formatted(expectedCents / 100, expectedCents % 100);
            await().untilAsserted(() -> assertThat(api.available(me.wallet())).isEqualTo(expected));
        }
    }

    private static void expect(ConcurrentLinkedQueue<String> leaks, Api.Response answer, int status, String code,
                               String what) {
        if (answer.status() != status || code != null && !code.equals(answer.code())) {
            leaks.add(what + ": " + answer.status() + " " + answer.body());
        }
    }
}
