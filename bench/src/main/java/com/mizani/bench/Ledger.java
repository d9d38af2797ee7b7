package com.mizani.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the harness itself knows happened: the wallets it funded, the cash it deposited, every transfer and payout the
 * app acknowledged, every C2B confirmation it sent, and the fx scenario's conversions ({@link FxBook}). The audit
 * holds the app's ledger against this.
 */
final class Ledger {

    static final String CURRENCY = "KES";

    /** A transfer the app answered with a final word: 201/202 (accepted) or 422 (refused, nothing moved). */
    record Acknowledged(String transferId, int status, String outcome) {
    }

    /** A payout the app answered with a final word: 202 (accepted, money held) or 422 (refused, nothing held). */
    record AcknowledgedPayout(String paymentId, int status, String outcome) {
    }

    /** A C2B confirmation the harness sent (at least once): the wallet its bill reference names and its amount. */
    record Confirmation(String walletId, long amountMinor) {
    }

    private final List<String> wallets;
    private final AtomicLong depositedMinor = new AtomicLong();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AcknowledgedPayout> payouts = new ConcurrentHashMap<>();
    private final Map<String, Confirmation> confirmations = new ConcurrentHashMap<>();
    private final FxBook fx = new FxBook();

    Ledger(List<String> wallets) {
        this.wallets = List.copyOf(wallets);
    }

    List<String> wallets() {
        return wallets;
    }

    /**
     * The same wallets holding the same money, with nothing acknowledged yet: the account of a second load over the
     * same wallets, whose audit then checks that load's transfers only.
     */
    Ledger sameWallets() {
        Ledger next = new Ledger(wallets);
        next.deposited(depositedMinor());
        next.confirmations.putAll(confirmations);
        return next;
    }

    void deposited(long minor) {
        depositedMinor.addAndGet(minor);
    }

    /** Cash deposited by the harness (M-Pesa deposits are in {@link #confirmations()}). */
    long depositedMinor() {
        return depositedMinor.get();
    }

    void acknowledge(String idempotencyKey, Acknowledged answer) {
        acknowledged.put(idempotencyKey, answer);
    }

    /**
     * A {@code POST /transfers} answer, recorded if it is the app's final word on the transfer: 201 or 202 as accepted
     * with the status it names, 422 as refused with its code. Other answers say nothing of the transfer.
     */
    void acknowledgeTransfer(String idempotencyKey, Client.Answer answer) {
        if (answer.status() == 201 || answer.status() == 202 || answer.status() == 422) {
            acknowledge(idempotencyKey, new Acknowledged(Client.field(answer.body(), "transferId"), answer.status(),
                    Client.field(answer.body(), answer.status() == 422 ? "code" : "status")));
        }
    }

    Map<String, Acknowledged> acknowledged() {
        return acknowledged;
    }

    void acknowledgePayout(String idempotencyKey, AcknowledgedPayout answer) {
        payouts.put(idempotencyKey, answer);
    }

    Map<String, AcknowledgedPayout> payouts() {
        return payouts;
    }

    /** Recorded before the first send: a confirmation may be credited even if its answer is lost. */
    void confirmationSent(String transId, Confirmation confirmation) {
        confirmations.put(transId, confirmation);
    }

    /** Every distinct TransID sent, whatever its repeats. */
    Map<String, Confirmation> confirmations() {
        return confirmations;
    }

    /** The fx scenario's wallets and conversions; empty in the other scenarios. */
    FxBook fx() {
        return fx;
    }

    long confirmedMinor() {
        return confirmations.values().stream().mapToLong(Confirmation::amountMinor).sum();
    }
}
