package com.mizani.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the harness itself knows happened: the wallets it funded, the money it deposited and every transfer the
 * app acknowledged. The audit holds the app's ledger against this.
 */
final class Ledger {

    static final String CURRENCY = "KES";

    /** A transfer the app answered with a final word: 201/202 (accepted) or 422 (refused, nothing moved). */
    record Acknowledged(String transferId, int status, String outcome) {
    }

    private final List<String> wallets;
    private final AtomicLong depositedMinor = new AtomicLong();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();

    Ledger(List<String> wallets) {
        this.wallets = List.copyOf(wallets);
    }

    List<String> wallets() {
        return wallets;
    }

    void deposited(long minor) {
        depositedMinor.addAndGet(minor);
    }

    long depositedMinor() {
        return depositedMinor.get();
    }

    void acknowledge(String idempotencyKey, Acknowledged answer) {
        acknowledged.put(idempotencyKey, answer);
    }

    Map<String, Acknowledged> acknowledged() {
        return acknowledged;
    }
}
