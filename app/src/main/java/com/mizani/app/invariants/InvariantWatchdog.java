package com.mizani.app.invariants;

import com.mizani.query.invariants.Invariant;
import com.mizani.query.invariants.InvariantChecks;
import com.mizani.query.invariants.InvariantReport;
import com.mizani.query.invariants.InvariantSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks the ledger's invariants on a schedule (and on demand). Every violation found adds one to the counter
 * {@code ledger.invariant.violations} tagged with its invariant, so a violation that persists keeps the counter
 * rising run after run: alert on its rate. Each is also logged with its account or transaction.
 */
@Component
public class InvariantWatchdog implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(InvariantWatchdog.class);

    private final InvariantChecks checks;
    private final Duration interval;
    private final Map<Invariant, Counter> violations = new EnumMap<>(Invariant.class);
    private final AtomicReference<InvariantReport> latest = new AtomicReference<>();

    public InvariantWatchdog(InvariantChecks checks, InvariantSettings settings, MeterRegistry meters) {
        this.checks = checks;
        this.interval = Duration.ofMillis(settings.intervalMs());
        // Registered up front, so that the series exist at zero before the first violation and alerts can tell
        // "none found" from "never checked".
        for (Invariant invariant : Invariant.values()) {
            violations.put(invariant, Counter.builder("ledger.invariant.violations")
                    .description("ledger invariant violations found by the watchdog, one per violation per run")
                    .tag("invariant", invariant.tag())
                    .register(meters));
        }
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::run, interval, interval));
    }

    /** One run at a time: the projection check walks through the wallets, and two runs would skip slices. */
    public synchronized InvariantReport run() {
        InvariantReport report = checks.run();
        latest.set(report);
        for (Invariant invariant : Invariant.values()) {
            violations.get(invariant).increment(report.violations(invariant));
        }
        logViolations(report);
        return report;
    }

    /** The last report, scheduled or on demand; null before the first run. */
    public InvariantReport latest() {
        return latest.get();
    }

    private static void logViolations(InvariantReport report) {
        report.zeroSum().currencies().stream().filter(sum -> !sum.balanced()).forEach(sum ->
                log.error("ledger invariant {} violated: {} sums to {} (wallets {}, system accounts {})",
                        Invariant.ZERO_SUM.tag(), sum.currency(), sum.sum(), sum.walletsTotal(),
                        sum.systemAccountsTotal()));
        report.zeroSum().unbalancedTransactions().forEach(transaction ->
                log.error("ledger invariant {}: transaction {} nets to {} {} over accounts {}",
                        Invariant.ZERO_SUM.tag(), transaction.transactionId(), transaction.net(),
                        transaction.currency(), transaction.accounts()));
        report.projection().mismatches().forEach(mismatch ->
                log.error("ledger invariant {} violated: wallet {} projects {} at version {}, its events say {}: {}",
                        Invariant.PROJECTION_MATCHES_EVENTS.tag(), mismatch.walletId(), mismatch.projectedBalance(),
                        mismatch.projectedVersion(), mismatch.replayedBalance(), mismatch.detail()));
        report.negativeWallets().wallets().forEach(wallet ->
                log.error("ledger invariant {} violated: wallet {} has available {} and held {} {}",
                        Invariant.NO_NEGATIVE_WALLET.tag(), wallet.walletId(), wallet.available(), wallet.held(),
                        wallet.currency()));
        report.stuckTransit().transactions().forEach(stuck ->
                log.warn("ledger invariant {} violated: transaction {} has left {} {} in transit since {}",
                        Invariant.NO_STUCK_TRANSIT.tag(), stuck.transactionId(), stuck.amount(), stuck.currency(),
                        stuck.since()));
    }
}
