package com.mizani.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.mizani.providersim.Faults;
import com.mizani.providersim.LedgerTotals;
import com.mizani.providersim.ProviderSimulator;
import com.mizani.providersim.SimulatorConfig;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The mobile-money provider the app pays out through: the M-Pesa simulator, in the harness's own JVM, so that it
 * lives on while the app is killed and its books can be held against the app's after the run.
 */
final class Provider implements AutoCloseable {

    static {
        // The simulator logs every request at INFO; at payout rates that is noise and CPU the app needs. Set before its
        // classes create their loggers.
        System.setProperty("org.slf4j.simpleLogger.log.com.mizani.providersim", "warn");
    }

    /** Shared with the app, which verifies every callback with it; the harness signs its own C2B confirmations too. */
    static final String CALLBACK_SECRET = "bench-callback-secret-0123456789";

    /** The app's request timeout, in ms; the chaos timeouts hold longer, so the app sees them as timeouts. */
    static final long REQUEST_TIMEOUT_MS = 2_000;

    /**
     * The settlement delay of the first half of a chaos load: shorter than the harness's 20 s settle window, so a
     * payout processed late is answered "no such payout" for a while and then paid inside the window (it must settle).
     */
    static final long SHORT_SETTLEMENT_DELAY_MS = 15_000;
    /**
     * The settlement delay of the second half: longer than the settle window and than the status queries' schedule
     * (result wait 5 s, then 2, 4, 8, 10 s apart: the second "not found" after the window comes at about 29 s), so
     * the app fails the payout on a second "not found" and the provider pays it after all: a contradiction.
     */
    static final long LONG_SETTLEMENT_DELAY_MS = 40_000;
    /** How long the provider's contradicted failure stands before it pays after all. */
    static final long CONTRADICTION_DELAY_MS = 2_000;

    /**
     * What chaos adds on the provider's side: callbacks sent twice or never, requests that hang past the app's timeout
     * after being processed (maybe paid), server errors before anything is processed; and a provider that changes its
     * mind: payouts processed late (first {@link #SHORT_SETTLEMENT_DELAY_MS}, from half-way through the load
     * {@link #LONG_SETTLEMENT_DELAY_MS}: one delay per payout, so the harness switches it) and failures it contradicts
     * by paying after all. Amount mismatches stay off: they end in MANUAL_REVIEW, which the drain does not resolve.
     * Reversals of settled payouts are the harness's ({@link ProviderIncidents}), not a rate.
     */
    static final Faults CHAOS_FAULTS = Faults.NONE.withDuplicateCallbackRate(0.05).withLostCallbackRate(0.05)
            .withTimeoutRate(0.02).withTimeoutHoldMs(REQUEST_TIMEOUT_MS + 1_000).withServerErrorRate(0.02)
            .withDelayedSettlementRate(0.02).withSettlementDelayMs(SHORT_SETTLEMENT_DELAY_MS)
            .withContradictionRate(0.02).withContradictionDelayMs(CONTRADICTION_DELAY_MS);

    /**
     * The provider's faults while a payroll job's M-Pesa items are paid: those of {@link #CHAOS_FAULTS} that end every
     * payout by itself (callbacks sent twice or never, requests that hang past the app's timeout, server errors), and
     * 2% of payouts failed with result 2001, so that the job ends with failures the audit holds against the provider.
     * No late settlement or contradiction: they end in incidents for an operator, which no payroll item waits for.
     */
    static final Faults PAYROLL_FAULTS = Faults.NONE.withFailureRate(0.02, 2001).withDuplicateCallbackRate(0.05)
            .withLostCallbackRate(0.05).withTimeoutRate(0.02).withTimeoutHoldMs(REQUEST_TIMEOUT_MS + 1_000)
            .withServerErrorRate(0.02);

    /** {@link #PAYROLL_FAULTS} in words, for the report. */
    static String describePayroll(Faults faults) {
        return ("%.0f%% payouts failed with result %d, %.0f%% duplicate callbacks, %.0f%% lost callbacks, %.0f%% "
                + "timeouts (held %d ms), %.0f%% server errors").formatted(faults.failureRate() * 100,
                faults.failureResultCode(), faults.duplicateCallbackRate() * 100, faults.lostCallbackRate() * 100,
                faults.timeoutRate() * 100, faults.timeoutHoldMs(), faults.serverErrorRate() * 100);
    }

    /** The longest any work the simulator deferred can wait, with {@link #CHAOS_FAULTS}. */
    static long longestDelayMs() {
        return Math.max(LONG_SETTLEMENT_DELAY_MS, CONTRADICTION_DELAY_MS);
    }

    /** The knobs {@link #CHAOS_FAULTS} sets, in words, for the report. */
    static String describe(Faults faults) {
        return ("%.0f%% duplicate callbacks, %.0f%% lost callbacks, %.0f%% timeouts (held %d ms), %.0f%% server errors, "
                + "%.0f%% payouts processed late (by %d ms in the load's first half, %d ms in its second; settle window "
                + "20000 ms), %.0f%% failures contradicted by a payment %d ms later, %.0f%% amount mismatches")
                .formatted(faults.duplicateCallbackRate() * 100, faults.lostCallbackRate() * 100,
                        faults.timeoutRate() * 100, faults.timeoutHoldMs(), faults.serverErrorRate() * 100,
                        faults.delayedSettlementRate() * 100, SHORT_SETTLEMENT_DELAY_MS, LONG_SETTLEMENT_DELAY_MS,
                        faults.contradictionRate() * 100, faults.contradictionDelayMs(),
                        faults.amountMismatchRate() * 100);
    }

    /** One payout as the provider recorded it. */
    record Payout(String status, int timesRequested, long amountMinor) {
    }

    private final ProviderSimulator simulator = new ProviderSimulator();
    private final Client admin;

    /** @param floatMinor the provider's opening balance: at least every cent the wallets will ever hold */
    Provider(long seed, long floatMinor) throws IOException {
        long floatKes = Math.max(SimulatorConfig.DEFAULT_STARTING_FLOAT, floatMinor / 100 + 1);
        int port = simulator.start(new SimulatorConfig(0, "mizani", "mizani-secret", CALLBACK_SECRET, seed,
                floatKes, Faults.NONE));
        admin = new Client("http://127.0.0.1:" + port);
    }

    /**
     * How the app must be started to use this provider. Deadlines are short so that a payout whose answer was lost
     * is asked about within seconds rather than minutes and the drain after a run stays short; the many status
     * queries keep a payout out of MANUAL_REVIEW while the app is down.
     */
    List<String> appArguments() {
        return List.of("--mizani.provider.base-url=" + simulator.baseUri(),
                "--mizani.provider.callbacks.secret=" + CALLBACK_SECRET,
                "--mizani.provider.request-timeout-ms=" + REQUEST_TIMEOUT_MS,
                "--mizani.payments.withdrawal-fee-minor=" + LoadRun.WITHDRAWAL_FEE_MINOR,
                "--mizani.payments.settle-window-ms=20000",
                "--mizani.payments.deadlines.result-wait-ms=5000",
                "--mizani.payments.deadlines.first-status-query-ms=2000",
                "--mizani.payments.deadlines.max-status-query-interval-ms=10000",
                "--mizani.payments.deadlines.max-status-queries=60",
                "--mizani.axon.deadline-polling-ms=500",
                // The simulator and the callbacks scenario send every callback from 127.0.0.1, where a real provider
                // spreads them over its addresses: the harness measures what the ledger ingests, not the per-address
                // limit (500/s by default), which RateLimitTest checks.
                "--mizani.rate-limits.callbacks.per-second=100000",
                "--mizani.rate-limits.callbacks.burst=100000");
    }

    void faults(Faults faults) {
        simulator.setFaults(faults);
    }

    LedgerTotals totals() {
        return simulator.ledgerTotals();
    }

    /** The provider's record of the payout the app sent as {@code paymentId} (its OriginatorConversationID), if any. */
    Optional<Payout> payout(String paymentId) throws IOException, InterruptedException {
        Client.Answer answer = admin.get("/simulator/transactions/" + paymentId);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new IOException("the simulator answered " + answer.status() + " for " + paymentId);
        }
        JsonNode record = answer.json();
        return Optional.of(new Payout(record.path("status").asText(), record.path("timesRequested").asInt(),
                record.path("amountMinor").asLong()));
    }

    /**
     * The provider takes a paid payout back ({@code POST /simulator/payouts/{id}/reverse}) and tells the app with a
     * failure result. True if it was reversed; false if the provider had not paid it (409).
     */
    boolean reverse(String paymentId) throws IOException, InterruptedException {
        Client.Answer answer = admin.post("/simulator/payouts/" + paymentId + "/reverse", "{}", null);
        if (answer.status() == 200) {
            return true;
        }
        if (answer.status() == 409) {
            return false;
        }
        throw new IOException("the simulator answered " + answer.status() + " to reversing " + paymentId + ": "
                + answer.body());
    }

    @Override
    public void close() {
        simulator.close();
    }
}
